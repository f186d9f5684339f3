import type { GithubRepository } from './GithubRepository';

/** Pull request fields the writer reads. */
export type GithubPullRequest = {
  number: number;
  html_url: string;
  state: string;
  body: string | null;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { ref: string; sha: string };
};

/** Pull requests of a repository: list, open, read, merge. */
export class GithubPullsApi {
  readonly #repo: GithubRepository;

  constructor(repo: GithubRepository) {
    this.#repo = repo;
  }

  /** Pull requests whose head is `branch` of this repository, newest first. */
  ofBranch(
    branch: string,
    state: 'open' | 'all',
  ): Promise<GithubPullRequest[]> {
    return this.#repo.call(
      `list pull requests of ${branch}`,
      async () =>
        (
          await this.#repo.client.rest.pulls.list({
            ...this.#repo.params,
            head: `${this.#repo.owner}:${branch}`,
            state,
            per_page: 20,
          })
        ).data as GithubPullRequest[],
    );
  }

  create(input: {
    branch: string;
    base: string;
    title: string;
    body: string;
  }): Promise<GithubPullRequest | 'exists'> {
    return this.#repo.call<GithubPullRequest | 'exists'>(
      `open a pull request from ${input.branch}`,
      async () =>
        (
          await this.#repo.client.rest.pulls.create({
            ...this.#repo.params,
            head: input.branch,
            base: input.base,
            title: input.title,
            body: input.body,
          })
        ).data as GithubPullRequest,
      {
        422: message =>
          /pull request already exists/i.test(message)
            ? { value: 'exists' as const }
            : undefined,
      },
    );
  }

  get(number: number): Promise<GithubPullRequest | undefined> {
    return this.#repo.call<GithubPullRequest | undefined>(
      `read pull request #${number}`,
      async () =>
        (
          await this.#repo.client.rest.pulls.get({
            ...this.#repo.params,
            pull_number: number,
          })
        ).data as GithubPullRequest,
      { 404: () => ({ value: undefined }) },
    );
  }

  /**
   * Merges pull request `number` if its head is still `headSha`. Returns the merge commit, or
   * `not-mergeable` when GitHub is not ready (405: checks pending, conflicts) or the head moved (409).
   */
  merge(
    number: number,
    headSha: string,
  ): Promise<{ sha: string } | 'not-mergeable'> {
    return this.#repo.call<{ sha: string } | 'not-mergeable'>(
      `merge pull request #${number}`,
      async () => {
        const { data } = await this.#repo.client.rest.pulls.merge({
          ...this.#repo.params,
          pull_number: number,
          sha: headSha,
        });
        return { sha: data.sha };
      },
      {
        405: () => ({ value: 'not-mergeable' as const }),
        409: () => ({ value: 'not-mergeable' as const }),
      },
    );
  }
}
