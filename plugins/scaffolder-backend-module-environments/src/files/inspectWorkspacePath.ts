import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Stats } from 'node:fs';

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * What is at `relativePath` in the workspace, or undefined when nothing is. Refuses paths that
 * leave the workspace and any symbolic link on the way (an earlier step may have planted one;
 * `resolveSafeChildPath` alone does not see through a dangling link).
 */
export async function inspectWorkspacePath(
  workspacePath: string,
  relativePath: string,
): Promise<Stats | undefined> {
  resolveSafeChildPath(workspacePath, relativePath);
  const segments = relativePath.split('/');
  let current = workspacePath;
  let stats: Stats | undefined;
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    stats = await lstatOrUndefined(current);
    if (!stats) return undefined;
    const shown = segments.slice(0, index + 1).join('/');
    if (stats.isSymbolicLink()) {
      throw new NotAllowedError(
        `Refusing '${relativePath}': '${shown}' in the workspace is a symbolic link`,
      );
    }
    if (index < segments.length - 1 && !stats.isDirectory()) {
      throw new ConflictError(
        `Refusing '${relativePath}': '${shown}' in the workspace is not a folder`,
      );
    }
  }
  return stats;
}
