/**
 * A Git commit, as shown next to a version or in a diff.
 *
 * @public
 */
export type CommitSummary = {
  sha: string;
  message: string;
  author?: string;
  date?: string;
  url?: string;
  /** Pull request the commit came from, when known. */
  pullRequest?: { number: number; url?: string };
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/diff?from=&to=`.
 *
 * @public
 */
export type VersionDiffResponse = {
  repository: string;
  from: string;
  to: string;
  commits: CommitSummary[];
  /** More commits exist than were returned. */
  truncated: boolean;
  url?: string;
};
