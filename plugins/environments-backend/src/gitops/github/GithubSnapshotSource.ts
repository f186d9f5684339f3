import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { InFlightChange } from '@stageline/plugin-environments-common';
import { assertSafeRef } from '../assertSafeRef';
import type { HeadState, SnapshotSource } from '../snapshot/SnapshotSource';
import type { GitComparison, PullRequestSummary, TreeEntry } from '../types';
import { ConditionalReads } from './ConditionalReads';
import type { GithubClient } from './createGithubClient';
import {
  type GithubRepositoryOptions,
  githubRepositoryNames,
} from './GithubRepositoryOptions';
import { DIRECT_READ_HEADER } from './GithubRequestHook';
import { readTarball } from './readTarball';
import { toGithubError } from './toGithubError';
import { GithubCommit, toCommitSummary } from './toCommitSummary';

// Open pull requests are listed 100 per page; promotions are few, so a few pages are plenty.
const PULLS_PER_PAGE = 100;
const MAX_PULL_PAGES = 3;
// Up to this many changed files are read blob by blob; more take one archive download.
const MAX_BLOB_REQUESTS = 8;

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

type GithubTree = {
  truncated: boolean;
  tree: Array<{
    path: string;
    mode: string;
    type: string;
    sha: string;
    size?: number;
  }>;
};

/**
 * A repository on GitHub, read as snapshots through the REST API: a head check is one
 * conditional request for the branch and one per page of open pull requests (304s cost no rate
 * limit); a new head one recursive tree request, and its files one archive download (or a few
 * blob requests when only a few changed).
 */
export class GithubSnapshotSource implements SnapshotSource {
  readonly displayName: string;
  readonly webUrl: string;
  readonly #client: GithubClient;
  readonly #owner: string;
  readonly #repo: string;
  readonly #branch: string;
  readonly #conditional = new ConditionalReads();

  constructor(options: GithubRepositoryOptions & { branch: string }) {
    this.#client = options.client;
    this.#owner = options.owner;
    this.#repo = options.repo;
    this.#branch = assertSafeRef(options.branch, { what: 'branch' });
    const names = githubRepositoryNames(options);
    this.displayName = names.displayName;
    this.webUrl = names.webUrl;
  }

  async readHead(): Promise<HeadState> {
    // Pull requests first: GitHub answers a missing branch and a missing (or invisible)
    // repository alike with 404, and the pulls list exists whenever the repository does, so its
    // 404 says "<owner>/<repo> not found" and only a 404 of the ref means the branch.
    const changes = await this.#mapped(() => this.#openChanges());
    const ref = await this.#notFoundAs(
      `Branch '${this.#branch}' of ${this.displayName} not found on GitHub`,
      () =>
        this.#conditional.get(`ref`, etag =>
          this.#client.rest.git.getRef({
            ...this.#params,
            ref: `heads/${this.#branch}`,
            headers: { [DIRECT_READ_HEADER]: etag ?? '' },
          }),
        ),
    );
    return { commitSha: ref.object.sha, changes };
  }

  async readTree(commitSha: string): Promise<TreeEntry[]> {
    assertSafeRef(commitSha, { what: 'commit' });
    const { data } = await this.#mapped(() =>
      this.#client.rest.git.getTree({
        ...this.#params,
        tree_sha: commitSha,
        recursive: '1',
        headers: { [DIRECT_READ_HEADER]: '' },
      }),
    );
    const tree = data as GithubTree;
    if (tree.truncated) {
      throw new InputError(
        `${this.displayName} has more files than GitHub lists in one tree; keep GitOps repositories below 100,000 entries`,
      );
    }
    return tree.tree.map(e => ({
      path: e.path,
      mode: e.mode,
      type: e.type as TreeEntry['type'],
      sha: e.sha,
      size: e.size,
    }));
  }

  async readBlobs(
    commitSha: string,
    files: TreeEntry[],
  ): Promise<Map<string, Buffer>> {
    if (files.length > MAX_BLOB_REQUESTS) {
      return this.#readArchive(commitSha, files);
    }
    const blobs = new Map<string, Buffer>();
    for (const file of files) {
      const { data } = await this.#mapped(() =>
        this.#client.rest.git.getBlob({
          ...this.#params,
          file_sha: file.sha,
          headers: { [DIRECT_READ_HEADER]: '' },
        }),
      );
      blobs.set(file.sha, Buffer.from(data.content, 'base64'));
    }
    return blobs;
  }

  async getPullRequest(
    number: number,
  ): Promise<PullRequestSummary | undefined> {
    if (!Number.isSafeInteger(number) || number < 1) {
      throw new InputError(`Invalid pull request number '${number}'`);
    }
    let pull: GithubPull;
    try {
      const response = await this.#mapped(() =>
        this.#client.rest.pulls.get({
          ...this.#params,
          pull_number: number,
        }),
      );
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
          ...this.#params,
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

  async #readArchive(
    commitSha: string,
    files: TreeEntry[],
  ): Promise<Map<string, Buffer>> {
    const { data } = await this.#mapped(() =>
      this.#client.rest.repos.downloadTarballArchive({
        ...this.#params,
        ref: commitSha,
        headers: { [DIRECT_READ_HEADER]: '' },
      }),
    );
    // Octokit reads a body by its content type: an archive arrives as an ArrayBuffer (from
    // another realm under Jest, hence no instanceof), anything else as text or JSON.
    if (Object.prototype.toString.call(data) !== '[object ArrayBuffer]') {
      throw new ServiceUnavailableError(
        `GitHub sent no archive for ${this.displayName} at ${commitSha}`,
      );
    }
    const wanted = new Map(files.map(f => [f.path, f.sha]));
    const contents = await readTarball(
      Buffer.from(data as ArrayBuffer),
      wanted,
    );
    const blobs = new Map<string, Buffer>();
    for (const [path, content] of contents)
      blobs.set(wanted.get(path)!, content);
    return blobs;
  }

  async #openChanges(): Promise<InFlightChange[]> {
    const changes: InFlightChange[] = [];
    for (let page = 1; page <= MAX_PULL_PAGES; page++) {
      const pulls = (await this.#conditional.get(`pulls ${page}`, etag =>
        this.#client.rest.pulls.list({
          ...this.#params,
          state: 'open',
          per_page: PULLS_PER_PAGE,
          page,
          headers: { [DIRECT_READ_HEADER]: etag ?? '' },
        }),
      )) as GithubPull[];
      changes.push(
        ...pulls.filter(p => this.#isOwnBranch(p)).map(p => this.#toChange(p)),
      );
      if (pulls.length < PULLS_PER_PAGE) break;
    }
    return changes;
  }

  // Only branches of this repository count: a fork's pull request may use any branch name.
  #isOwnBranch(pull: GithubPull) {
    return (
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

  get #params() {
    return { owner: this.#owner, repo: this.#repo };
  }

  async #notFoundAs<T>(message: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.#mapped(fn);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(message);
      throw error;
    }
  }

  async #mapped<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toGithubError(error, this.displayName);
    }
  }
}
