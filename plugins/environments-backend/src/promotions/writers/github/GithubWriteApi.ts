import { InputError } from '@backstage/errors';
import type { GithubClient } from '../../../gitops/github/createGithubClient';
import { githubMessage } from '../../../gitops/github/githubMessage';
import { isHttpError } from '../../../gitops/github/isHttpError';
import { toGithubError } from '../../../gitops/github/toGithubError';

/** A GitHub answer the caller handles itself, by status. */
type Expected<T> = Partial<
  Record<number, (message: string) => { value: T } | undefined>
>;

type CommitData = {
  sha: string;
  html_url: string;
  commit: { message: string };
};

type ContentData = {
  type?: string;
  path?: string;
  sha: string;
  content?: string;
  encoding?: string;
};

type CommitDetailData = {
  sha: string;
  commit: { message: string };
  parents: Array<{ sha: string }>;
  files?: Array<{ filename: string; previous_filename?: string }>;
};

/** What one commit changed, as GitHub's "Get a commit" reports it. */
export type GithubCommitChanges = {
  sha: string;
  message: string;
  parents: string[];
  /** Changed paths; a rename lists both names. GitHub pages beyond 300 files. */
  changedPaths: string[];
};

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

/** Workflow run fields the writer reads. */
export type GithubWorkflowRun = {
  id: number;
  html_url: string;
  display_title: string;
  status: string | null;
  conclusion: string | null;
};

/**
 * The GitHub calls of one repository that the overlay writer makes, through the host's shared
 * client (which waits out short rate limits), with errors mapped to `@backstage/errors` (see
 * toGithubError), except
 * the statuses a caller expects and handles (a missing branch, a stale SHA, an unmergeable PR).
 */
export class GithubWriteApi {
  readonly displayName: string;
  readonly webUrl: string;
  readonly #client: GithubClient;
  readonly #owner: string;
  readonly #repo: string;

  constructor(options: {
    client: GithubClient;
    host: string;
    owner: string;
    repo: string;
  }) {
    this.#client = options.client;
    this.#owner = options.owner;
    this.#repo = options.repo;
    this.displayName = `${options.owner}/${options.repo}`;
    this.webUrl = `https://${options.host}/${options.owner}/${options.repo}`;
  }

  /** A regular file at `ref` with its blob SHA; undefined when absent. */
  async readFile(
    path: string,
    ref: string,
  ): Promise<{ content: string; sha: string } | undefined> {
    const data = await this.#call<ContentData | undefined>(
      `read ${path} at ${ref}`,
      async () =>
        (
          await this.#client.rest.repos.getContent({
            ...this.#repoParams,
            path,
            ref,
          })
        ).data as ContentData,
      { 404: () => ({ value: undefined }) },
    );
    if (data === undefined) return undefined;
    // A symlink or folder is refused: a symlinked overlay could redirect a promotion.
    if (
      Array.isArray(data) ||
      data.type !== 'file' ||
      data.path !== path ||
      data.encoding !== 'base64' ||
      data.content === undefined
    ) {
      throw new InputError(
        `'${path}' in ${this.displayName} is not a regular file Stageline can write`,
      );
    }
    return {
      content: Buffer.from(data.content, 'base64').toString('utf8'),
      sha: data.sha,
    };
  }

  /** The commit a branch points at; undefined when the branch does not exist. */
  branchSha(branch: string): Promise<string | undefined> {
    return this.#call<string | undefined>(
      `read branch ${branch}`,
      async () =>
        (
          await this.#client.rest.git.getRef({
            ...this.#repoParams,
            ref: `heads/${branch}`,
          })
        ).data.object.sha,
      { 404: () => ({ value: undefined }), 409: () => ({ value: undefined }) },
    );
  }

  /** Creates `branch` at `sha`; false when it already exists. */
  createBranch(branch: string, sha: string): Promise<boolean> {
    return this.#call<boolean>(
      `create branch ${branch}`,
      async () => {
        await this.#client.rest.git.createRef({
          ...this.#repoParams,
          ref: `refs/heads/${branch}`,
          sha,
        });
        return true;
      },
      {
        422: message =>
          /already exists/i.test(message) ? { value: false } : undefined,
      },
    );
  }

  /** Moves `branch` to `sha`, also backwards. */
  async resetBranch(branch: string, sha: string): Promise<void> {
    await this.#call(`reset branch ${branch}`, () =>
      this.#client.rest.git.updateRef({
        ...this.#repoParams,
        ref: `heads/${branch}`,
        sha,
        force: true,
      }),
    );
  }

  /**
   * Commits `content` to `path` on `branch` if the file's blob is still `blobSha`; answers
   * `stale` (GitHub's 409 "does not match") when it moved. Other 409s (a protected branch, a
   * repository rule) are errors.
   */
  putFile(input: {
    path: string;
    branch: string;
    blobSha: string;
    content: string;
    message: string;
  }): Promise<{ sha: string; url: string } | 'stale'> {
    return this.#call<{ sha: string; url: string } | 'stale'>(
      `commit ${input.path} to ${input.branch}`,
      async () => {
        const { data } =
          await this.#client.rest.repos.createOrUpdateFileContents({
            ...this.#repoParams,
            path: input.path,
            branch: input.branch,
            sha: input.blobSha,
            message: input.message,
            content: Buffer.from(input.content, 'utf8').toString('base64'),
          });
        return { sha: data.commit.sha!, url: data.commit.html_url! };
      },
      {
        409: message =>
          /does not match|but expected/i.test(message)
            ? { value: 'stale' as const }
            : undefined,
      },
    );
  }

  /** Messages and SHAs of the newest commits on `ref` (that changed `path`, when given). */
  async recentCommits(
    ref: string,
    options: { path?: string; count: number },
  ): Promise<Array<{ sha: string; message: string; url: string }>> {
    const commits = await this.#call<Array<CommitData>>(
      `list commits of ${ref}`,
      async () =>
        (
          await this.#client.rest.repos.listCommits({
            ...this.#repoParams,
            sha: ref,
            ...(options.path && { path: options.path }),
            per_page: options.count,
          })
        ).data as CommitData[],
      { 404: () => ({ value: [] }), 409: () => ({ value: [] }) },
    );
    return commits.map(c => ({
      sha: c.sha,
      message: c.commit.message,
      url: c.html_url,
    }));
  }

  /**
   * A commit's message, parents and changed paths (the first page of its files, up to 300:
   * enough to tell one file from many); undefined when there is no such commit.
   */
  async commitChanges(ref: string): Promise<GithubCommitChanges | undefined> {
    const data = await this.#call<CommitDetailData | undefined>(
      `read commit ${ref}`,
      async () =>
        (
          await this.#client.rest.repos.getCommit({
            ...this.#repoParams,
            ref,
          })
        ).data as CommitDetailData,
      // GitHub answers an unknown SHA with 422 "No commit found for SHA".
      { 404: () => ({ value: undefined }), 422: () => ({ value: undefined }) },
    );
    if (!data) return undefined;
    return {
      sha: data.sha,
      message: data.commit.message,
      parents: data.parents.map(p => p.sha),
      changedPaths: (data.files ?? []).flatMap(f =>
        f.previous_filename ? [f.previous_filename, f.filename] : [f.filename],
      ),
    };
  }

  /** Pull requests whose head is `branch` of this repository, newest first. */
  pullsOf(branch: string, state: 'open' | 'all'): Promise<GithubPullRequest[]> {
    return this.#call(
      `list pull requests of ${branch}`,
      async () =>
        (
          await this.#client.rest.pulls.list({
            ...this.#repoParams,
            head: `${this.#owner}:${branch}`,
            state,
            per_page: 20,
          })
        ).data as GithubPullRequest[],
    );
  }

  createPull(input: {
    branch: string;
    base: string;
    title: string;
    body: string;
  }): Promise<GithubPullRequest | 'exists'> {
    return this.#call<GithubPullRequest | 'exists'>(
      `open a pull request from ${input.branch}`,
      async () =>
        (
          await this.#client.rest.pulls.create({
            ...this.#repoParams,
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

  getPull(number: number): Promise<GithubPullRequest | undefined> {
    return this.#call<GithubPullRequest | undefined>(
      `read pull request #${number}`,
      async () =>
        (
          await this.#client.rest.pulls.get({
            ...this.#repoParams,
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
  mergePull(
    number: number,
    headSha: string,
  ): Promise<{ sha: string } | 'not-mergeable'> {
    return this.#call<{ sha: string } | 'not-mergeable'>(
      `merge pull request #${number}`,
      async () => {
        const { data } = await this.#client.rest.pulls.merge({
          ...this.#repoParams,
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

  /**
   * Dispatches `workflow` on `ref`. GitHub returns the run when it supports
   * `return_run_details`; older servers answer 204 and the run is found later by its title.
   */
  dispatchWorkflow(input: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  }): Promise<{ id: number; url: string } | undefined> {
    return this.#call(`dispatch workflow ${input.workflow}`, async () => {
      const response = await this.#client.request(
        'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
        {
          ...this.#repoParams,
          workflow_id: input.workflow,
          ref: input.ref,
          inputs: input.inputs,
          return_run_details: true,
        } as never,
      );
      const data = response.data as
        | { workflow_run_id?: number; html_url?: string }
        | undefined;
      return data?.workflow_run_id
        ? { id: data.workflow_run_id, url: data.html_url ?? '' }
        : undefined;
    });
  }

  /** The newest dispatched runs of `workflow`. */
  workflowRuns(workflow: string): Promise<GithubWorkflowRun[]> {
    return this.#call(
      `list runs of workflow ${workflow}`,
      async () =>
        (
          await this.#client.rest.actions.listWorkflowRuns({
            ...this.#repoParams,
            workflow_id: workflow,
            event: 'workflow_dispatch',
            per_page: 50,
          })
        ).data.workflow_runs as GithubWorkflowRun[],
    );
  }

  workflowRun(id: number): Promise<GithubWorkflowRun | undefined> {
    return this.#call<GithubWorkflowRun | undefined>(
      `read workflow run ${id}`,
      async () =>
        (
          await this.#client.rest.actions.getWorkflowRun({
            ...this.#repoParams,
            run_id: id,
          })
        ).data as GithubWorkflowRun,
      { 404: () => ({ value: undefined }) },
    );
  }

  get #repoParams() {
    return { owner: this.#owner, repo: this.#repo };
  }

  async #call<T>(
    what: string,
    fn: () => Promise<T>,
    expected: Expected<T> = {},
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
