import { NotAllowedError } from '@backstage/errors';
import type { AllowedRepository } from '../types';
import type { GitRepositoryResolver } from '../types';
import type { InMemoryGitRepository } from './InMemoryGitRepository';

/** A resolver over in-memory repositories by name; any other name is not allowed. */
export function inMemoryResolver(
  repos: Record<string, InMemoryGitRepository>,
): GitRepositoryResolver & { resolve: jest.Mock } {
  const locate = (value: string, annotation: string): AllowedRepository => {
    if (!repos[value]) {
      throw new NotAllowedError(
        `Annotation '${annotation}' names a repository config does not allow`,
      );
    }
    const [owner, repo] = value.split('/');
    return {
      name: value,
      location: { type: 'github', host: 'github.com', owner, repo },
    };
  };
  return {
    locate,
    resolve: jest.fn((value: string, annotation: string) => {
      locate(value, annotation);
      return repos[value];
    }),
  };
}
