import type { GithubClient } from '../../../gitops/github/createGithubClient';
import {
  type GithubRepositoryOptions,
  githubRepositoryNames,
} from '../../../gitops/github/GithubRepositoryOptions';
import { githubMessage } from '../../../gitops/github/githubMessage';
import { isHttpError } from '../../../gitops/github/isHttpError';
import { toGithubError } from '../../../gitops/github/toGithubError';

/** A GitHub answer the caller handles itself, by status. */
export type ExpectedStatuses<T> = Partial<
  Record<number, (message: string) => { value: T } | undefined>
>;

/**
 * One GitHub repository as the overlay writer calls it: the host's shared client (which waits
 * out short rate limits), its names, and `call`, which maps errors to `@backstage/errors` (see
 * toGithubError) except the statuses a caller expects and handles (a missing branch, a stale
 * SHA, an unmergeable pull request).
 */
export class GithubRepository {
  readonly displayName: string;
  readonly webUrl: string;
  readonly client: GithubClient;
  readonly owner: string;
  readonly #repo: string;

  constructor(options: GithubRepositoryOptions) {
    this.client = options.client;
    this.owner = options.owner;
    this.#repo = options.repo;
    const names = githubRepositoryNames(options);
    this.displayName = names.displayName;
    this.webUrl = names.webUrl;
  }

  /** The `owner` and `repo` parameters of every repository call. */
  get params() {
    return { owner: this.owner, repo: this.#repo };
  }

  /** Runs one call; `what` names it in errors, `expected` answers the statuses handled. */
  async call<T>(
    what: string,
    fn: () => Promise<T>,
    expected: ExpectedStatuses<T> = {},
  ): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const handled = isHttpError(error)
        ? expected[error.status]?.(githubMessage(error))
        : undefined;
      if (handled) return handled.value;
      throw toGithubError(error, this.displayName, what);
    }
  }
}
