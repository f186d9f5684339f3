import type {
  CommitSummary,
  InFlightChange,
  PreviewEnvironment,
} from '@stageline/plugin-environments-common';

/** A file read from a Git repository at the tip of its branch. */
export type GitFile = {
  path: string;
  content: string;
  /** Blob SHA of the content (optimistic-concurrency token for writes). */
  blobSha: string;
};

/** Commits between two versions of a repository. */
export type GitComparison = {
  commits: CommitSummary[];
  truncated: boolean;
  /** Web page of the comparison, when the host has one. */
  url?: string;
};

/** A pull request as previews and in-flight changes need it. */
export type PullRequestSummary = NonNullable<PreviewEnvironment['pullRequest']>;

/**
 * Read access to one Git repository (a GitOps repository or a service's source repository).
 * Implementations cache: repeated reads of unchanged content cost no rate limit.
 * Failures throw `@backstage/errors` types: NotFoundError (no such repository, ref or commit),
 * ServiceUnavailableError (host unreachable, rate limited), InputError (bad argument).
 */
export interface GitRepository {
  /** `owner/repo` for GitHub, the URL for plain Git. */
  readonly displayName: string;
  /** Browser URL of the repository, when it has one. */
  readonly webUrl?: string;
  /** A regular file at the branch tip; undefined when absent. Symlinks and submodules are refused. */
  readFile(path: string): Promise<GitFile | undefined>;
  /** Names of the entries of a folder at the branch tip; undefined when absent. */
  listFolder(path: string): Promise<string[] | undefined>;
  /** The commit that last changed `path` on the branch. */
  getLastCommit(path: string): Promise<CommitSummary | undefined>;
  /** Open change requests whose head branch starts with `branchPrefix` (PRs on GitHub, branches on plain Git). */
  listChanges(branchPrefix: string): Promise<InFlightChange[]>;
  /** A pull request by number (GitHub only; plain Git returns undefined). */
  getPullRequest(number: number): Promise<PullRequestSummary | undefined>;
  /** Commits reachable from `to` but not from `from` (both commit SHAs or refs), newest first. */
  compare(from: string, to: string): Promise<GitComparison>;
}

/** Finds the GitRepository for an annotation value: `owner/repo` or a Git URL / local path. */
export interface GitRepositoryResolver {
  resolve(repository: string): GitRepository;
}
