/** A file to write, relative to the workspace. */
export type WorkspaceFile = { path: string; content: string };
