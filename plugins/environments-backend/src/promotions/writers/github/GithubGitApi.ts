import { InputError } from '@backstage/errors';
import type { GithubRepository } from './GithubRepository';

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

/** Files, branches and commits of a repository, as the overlay writer reads and writes them. */
export class GithubGitApi {
  readonly #repo: GithubRepository;

  constructor(repo: GithubRepository) {
    this.#repo = repo;
  }

  /** A regular file at `ref` with its blob SHA; undefined when absent. */
  async readFile(
    path: string,
    ref: string,
  ): Promise<{ content: string; sha: string } | undefined> {
    const data = await this.#repo.call<ContentData | undefined>(
      `read ${path} at ${ref}`,
      async () =>
        (
          await this.#repo.client.rest.repos.getContent({
            ...this.#repo.params,
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
        `'${path}' in ${
          this.#repo.displayName
        } is not a regular file Stageline can write`,
      );
    }
    return {
      content: Buffer.from(data.content, 'base64').toString('utf8'),
      sha: data.sha,
    };
  }

  /** The commit a branch points at; undefined when the branch does not exist. */
  branchSha(branch: string): Promise<string | undefined> {
    return this.#repo.call<string | undefined>(
      `read branch ${branch}`,
      async () =>
        (
          await this.#repo.client.rest.git.getRef({
            ...this.#repo.params,
            ref: `heads/${branch}`,
          })
        ).data.object.sha,
      { 404: () => ({ value: undefined }), 409: () => ({ value: undefined }) },
    );
  }

  /** Creates `branch` at `sha`; false when it already exists. */
  createBranch(branch: string, sha: string): Promise<boolean> {
    return this.#repo.call<boolean>(
      `create branch ${branch}`,
      async () => {
        await this.#repo.client.rest.git.createRef({
          ...this.#repo.params,
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
    await this.#repo.call(`reset branch ${branch}`, () =>
      this.#repo.client.rest.git.updateRef({
        ...this.#repo.params,
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
    return this.#repo.call<{ sha: string; url: string } | 'stale'>(
      `commit ${input.path} to ${input.branch}`,
      async () => {
        const { data } =
          await this.#repo.client.rest.repos.createOrUpdateFileContents({
            ...this.#repo.params,
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
    const commits = await this.#repo.call<Array<CommitData>>(
      `list commits of ${ref}`,
      async () =>
        (
          await this.#repo.client.rest.repos.listCommits({
            ...this.#repo.params,
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
    const data = await this.#repo.call<CommitDetailData | undefined>(
      `read commit ${ref}`,
      async () =>
        (
          await this.#repo.client.rest.repos.getCommit({
            ...this.#repo.params,
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
}
