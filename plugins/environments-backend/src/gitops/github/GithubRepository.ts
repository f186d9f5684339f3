import { InputError, NotFoundError } from '@backstage/errors';
import type { Octokit } from '@octokit/rest';
import type {
  CommitSummary,
  InFlightChange,
} from '@stageline/plugin-environments-common';
import { assertSafeRef } from '../assertSafeRef';
import { assertSafeRepoPath } from '../assertSafeRepoPath';
import type {
  GitComparison,
  GitFile,
  GitRepository,
  PullRequestSummary,
} from '../types';
import { GithubCommit, toCommitSummary } from './toCommitSummary';

// Open pull requests are listed 100 per page; promotions are few, so a few pages are plenty.
const PULLS_PER_PAGE = 100;
const MAX_PULL_PAGES = 3;

type ContentEntry = {
  type: string;
  name: string;
  path: string;
  sha: string;
  content?: string;
  encoding?: string;
};

type GithubPull = {
  number: number;
  title: string;
  state: string;
  html_url: string;
  updated_at: string;
  merged_at: string | null;
  user: { login: string } | null;
  head: { ref: string; sha: string; repo: { full_name: string } | null };
};

/**
 * A GitOps or source repository on GitHub, read through the REST API. Caching, credentials,
 * rate-limit handling and error mapping live in the client (see createGithubClient).
 */
export class GithubRepository implements GitRepository {
  readonly displayName: string;
  readonly webUrl: string;
  readonly #client: Octokit;
  readonly #owner: string;
  readonly #repo: string;
  readonly #branch: string;

  constructor(options: {
    client: Octokit;
    /** Web host of the integration, e.g. `github.com`. */
    host: string;
    owner: string;
    repo: string;
    branch: string;
  }) {
    this.#client = options.client;
    this.#owner = options.owner;
    this.#repo = options.repo;
    this.#branch = assertSafeRef(options.branch, { what: 'branch' });
    this.displayName = `${options.owner}/${options.repo}`;
    this.webUrl = `https://${options.host}/${options.owner}/${options.repo}`;
  }

  async readFile(path: string): Promise<GitFile | undefined> {
    assertSafeRepoPath(path);
    const data = await this.#contents(path);
    if (data === undefined) return undefined;
    if (Array.isArray(data)) throw this.#unsupported(path, 'folder');
    if (data.type !== 'file') throw this.#unsupported(path, data.type);
    // GitHub answers a symlink to a file with the target's content and path: refuse it, a
    // symlinked overlay could point a staging promotion at production.
    if (data.path !== path) throw this.#unsupported(path, 'symlink');
    if (data.encoding !== 'base64' || data.content === undefined) {
      throw new InputError(
        `'${path}' in ${this.displayName} is too large to read through the GitHub API`,
      );
    }
    return {
      path,
      content: Buffer.from(data.content, 'base64').toString('utf8'),
      blobSha: data.sha,
    };
  }

  async listFolder(path: string): Promise<string[] | undefined> {
    assertSafeRepoPath(path, { allowRoot: true });
    const data = await this.#contents(path);
    if (data === undefined) return undefined;
    if (!Array.isArray(data)) {
      throw new InputError(
        `'${path}' in ${this.displayName} is a ${data.type}, not a folder`,
      );
    }
    return data.map(entry => entry.name);
  }

  async getLastCommit(path: string): Promise<CommitSummary | undefined> {
    assertSafeRepoPath(path);
    const { data } = await this.#notFoundAs(
      `Branch '${this.#branch}' of ${this.displayName} not found on GitHub`,
      () =>
        this.#client.rest.repos.listCommits({
          owner: this.#owner,
          repo: this.#repo,
          sha: this.#branch,
          path,
          per_page: 1,
        }),
    );
    const commit = data[0] as GithubCommit | undefined;
    return commit && toCommitSummary(commit, this.webUrl);
  }

  async listChanges(branchPrefix: string): Promise<InFlightChange[]> {
    assertSafeRef(branchPrefix, { what: 'branch prefix', prefix: true });
    const changes: InFlightChange[] = [];
    for (let page = 1; page <= MAX_PULL_PAGES; page++) {
      const pulls = await this.#openPulls(page);
      changes.push(
        ...pulls
          .filter(pull => this.#isOwnBranch(pull, branchPrefix))
          .map(pull => this.#toChange(pull)),
      );
      if (pulls.length < PULLS_PER_PAGE) break;
    }
    return changes;
  }

  async getPullRequest(
    number: number,
  ): Promise<PullRequestSummary | undefined> {
    if (!Number.isSafeInteger(number) || number < 1) {
      throw new InputError(`Invalid pull request number '${number}'`);
    }
    let pull: GithubPull;
    try {
      const response = await this.#client.rest.pulls.get({
        owner: this.#owner,
        repo: this.#repo,
        pull_number: number,
      });
      pull = response.data as GithubPull;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
    return {
      number: pull.number,
      title: pull.title,
      state: pull.merged_at ? 'merged' : (pull.state as 'open' | 'closed'),
      author: pull.user?.login,
      headSha: pull.head.sha,
      updatedAt: pull.updated_at,
      url: pull.html_url,
    };
  }

  async compare(from: string, to: string): Promise<GitComparison> {
    assertSafeRef(from, { what: 'commit' });
    assertSafeRef(to, { what: 'commit' });
    const { data } = await this.#notFoundAs(
      `Commit '${from}' or '${to}' not found in ${this.displayName}`,
      () =>
        this.#client.rest.repos.compareCommitsWithBasehead({
          owner: this.#owner,
          repo: this.#repo,
          basehead: `${from}...${to}`,
        }),
    );
    const commits = (data.commits as GithubCommit[])
      .map(c => toCommitSummary(c, this.webUrl))
      .reverse();
    return {
      commits,
      truncated: data.total_commits > commits.length,
      url: data.html_url,
    };
  }

  async #contents(
    path: string,
  ): Promise<ContentEntry | ContentEntry[] | undefined> {
    try {
      const { data } = await this.#client.rest.repos.getContent({
        owner: this.#owner,
        repo: this.#repo,
        path,
        ref: this.#branch,
      });
      return data as ContentEntry | ContentEntry[];
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async #openPulls(page: number): Promise<GithubPull[]> {
    const { data } = await this.#notFoundAs(
      `${this.displayName} not found on GitHub`,
      () =>
        this.#client.rest.pulls.list({
          owner: this.#owner,
          repo: this.#repo,
          state: 'open',
          per_page: PULLS_PER_PAGE,
          page,
        }),
    );
    return data as GithubPull[];
  }

  // Only branches of this repository count: a fork's pull request may use any branch name.
  #isOwnBranch(pull: GithubPull, prefix: string) {
    return (
      pull.head.ref.startsWith(prefix) &&
      pull.head.repo?.full_name.toLowerCase() === this.displayName.toLowerCase()
    );
  }

  #toChange(pull: GithubPull): InFlightChange {
    return {
      kind: 'pull-request',
      title: pull.title,
      url: pull.html_url,
      number: pull.number,
      branch: pull.head.ref,
      author: pull.user?.login,
      updatedAt: pull.updated_at,
      headSha: pull.head.sha,
    };
  }

  async #notFoundAs<T>(message: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(message);
      throw error;
    }
  }

  #unsupported(path: string, type: string) {
    return new InputError(
      `'${path}' in ${this.displayName} is a ${type}, an unsupported file type: Stageline reads regular files only`,
    );
  }
}
