import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WorkspaceFile } from './workspaceFile';
import { inspectWorkspacePath } from './inspectWorkspacePath';

/** What {@link syncWorkspaceFiles} did, by workspace-relative path. */
export type SyncResult = {
  created: string[];
  updated: string[];
  unchanged: string[];
};

type Planned = WorkspaceFile & { target: string; previous?: Buffer };

// Generated files are a few kilobytes; anything this large is not one of them.
const MAX_EXISTING_BYTES = 1024 * 1024;

/**
 * Makes every file hold exactly its content: creates what is missing, rewrites what differs and
 * leaves identical files untouched (not even rewritten), so running it twice changes nothing.
 * Every target is checked before the first write (inside the workspace, no symbolic link on the
 * way, a regular file if it exists); a rewrite goes through a new file renamed over the old one,
 * and a failure midway restores what this call changed.
 */
export async function syncWorkspaceFiles(
  workspacePath: string,
  files: WorkspaceFile[],
): Promise<SyncResult> {
  const plan: Planned[] = [];
  for (const file of files) plan.push(await planFile(workspacePath, file));

  const result: SyncResult = { created: [], updated: [], unchanged: [] };
  const undo: Array<() => Promise<unknown>> = [];
  try {
    for (const file of plan) {
      if (file.previous?.equals(Buffer.from(file.content, 'utf8'))) {
        result.unchanged.push(file.path);
      } else if (file.previous) {
        await replaceFile(file.target, file.content);
        const previous = file.previous;
        undo.push(() => replaceFile(file.target, previous));
        result.updated.push(file.path);
      } else {
        const firstNewDir = await mkdir(dirname(file.target), {
          recursive: true,
        });
        const created = firstNewDir ?? file.target;
        await writeFile(file.target, file.content, { flag: 'wx' });
        undo.push(() => rm(created, { recursive: true, force: true }));
        result.created.push(file.path);
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) await step();
    throw error;
  }
  return result;
}

async function planFile(
  workspacePath: string,
  file: WorkspaceFile,
): Promise<Planned> {
  const stats = await inspectWorkspacePath(workspacePath, file.path);
  const target = resolveSafeChildPath(workspacePath, file.path);
  if (!stats) return { ...file, target };
  if (!stats.isFile() || stats.size > MAX_EXISTING_BYTES) {
    throw new ConflictError(
      `Refusing to write '${file.path}': it exists in the workspace and is not a generated file (a regular file of at most ${MAX_EXISTING_BYTES} bytes)`,
    );
  }
  return { ...file, target, previous: await readFile(target) };
}

// A rename never follows a link planted at the target: it replaces the entry itself.
async function replaceFile(target: string, content: string | Buffer) {
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, content, { flag: 'wx' });
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
