import type { InFlightChange } from '@stageline/plugin-environments-common';
import type { GitComparison, PullRequestSummary, TreeEntry } from '../types';

/** What a head check found: the branch's commit and the open change requests. */
export type HeadState = {
  commitSha: string;
  /** Pull requests (GitHub) or branches (plain Git) open against the repository. */
  changes: InFlightChange[];
};

/**
 * How one host reads a repository, for SnapshotRepository. A head check must be cheap when
 * nothing moved (one conditional request, or one `git fetch`); trees and blobs are read by SHA,
 * so their answers never change.
 */
export interface SnapshotSource {
  readonly displayName: string;
  readonly webUrl?: string;
  /** The branch head and open change requests. */
  readHead(): Promise<HeadState>;
  /** Every entry of the commit's tree, folders included. */
  readTree(commitSha: string): Promise<TreeEntry[]>;
  /** Contents of files of the commit, by blob SHA; one pass for all of them. */
  readBlobs(
    commitSha: string,
    files: TreeEntry[],
  ): Promise<Map<string, Buffer>>;
  getPullRequest(number: number): Promise<PullRequestSummary | undefined>;
  compare(from: string, to: string): Promise<GitComparison>;
}
