import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { inspectWorkspacePath } from './inspectWorkspacePath';

/**
 * Checks that `relativePath` can be created: inside the workspace, no symbolic link on the way,
 * nothing there yet. Returns the absolute path.
 */
export async function assertWritableTarget(
  workspacePath: string,
  relativePath: string,
): Promise<string> {
  if (await inspectWorkspacePath(workspacePath, relativePath)) {
    throw new ConflictError(
      `Refusing to write '${relativePath}': it already exists in the workspace`,
    );
  }
  return resolveSafeChildPath(workspacePath, relativePath);
}
