// Many tests render overlays with `kubectl kustomize` (a process per overlay) or start a
// scaffolder backend; on a busy two-core machine that takes longer than Jest's 5 seconds.
jest.setTimeout(60_000);

export {};
