import { posix } from 'node:path';
import { assertSafeRepoPath } from '../assertSafeRepoPath';

/**
 * The repository path a kustomization's `resources` entry names, relative to the folder of the
 * kustomization; undefined for a remote resource (a URL or a Git reference) and for any path
 * that would leave the repository or is not a safe repository path.
 */
export function resolveResourcePath(
  folder: string,
  resource: string,
): string | undefined {
  if (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(resource) ||
    resource.startsWith('git@')
  ) {
    return undefined;
  }
  if (resource.startsWith('/')) return undefined;
  const joined = posix.normalize(posix.join(folder, resource));
  const path = joined.replace(/\/+$/, '');
  if (path === '.' || path === '..' || path.startsWith('../')) return undefined;
  try {
    return assertSafeRepoPath(path);
  } catch {
    return undefined;
  }
}
