import type { RepositoryLocation } from '../gitops/types';

/**
 * One string per repository, whatever an annotation called it: `acme/gitops` and
 * `https://github.com/acme/gitops` name the same folder owners.
 */
export function repositoryKey(location: RepositoryLocation): string {
  return location.type === 'github'
    ? `github:${location.host}/${location.owner}/${location.repo}`.toLocaleLowerCase(
        'en-US',
      )
    : `git:${location.url}`;
}

/**
 * The overlay folder a promotion changes, named independently of the entity that asked: the
 * one-in-flight rule is kept per folder, so two entities cannot both write one overlay.
 */
export function overlayFolderKey(
  location: RepositoryLocation,
  overlayDir: string,
): string {
  return `${repositoryKey(location)} ${overlayDir}`;
}
