import { NotFoundError } from '@backstage/errors';
import type {
  CommitSummary,
  InFlightChange,
} from '@stageline/plugin-environments-common';
import type {
  GitComparison,
  GitFile,
  GitRepository,
  PullRequestSummary,
} from '../gitops/types';

/** A GitRepository over a map of files, for read-model unit tests. */
export class InMemoryGitRepository implements GitRepository {
  readonly files = new Map<string, string>();
  readonly changes: InFlightChange[] = [];
  readonly pullRequests = new Map<number, PullRequestSummary>();
  comparison: GitComparison = { commits: [], truncated: false };
  failWith?: Error;
  webUrl = undefined;

  constructor(readonly displayName: string) {}

  async readFile(path: string): Promise<GitFile | undefined> {
    this.#fail();
    const content = this.files.get(path);
    return content === undefined
      ? undefined
      : { path, content, blobSha: `blob-of-${path}` };
  }

  async listFolder(path: string): Promise<string[] | undefined> {
    this.#fail();
    const prefix = `${path}/`;
    const names = [...this.files.keys()]
      .filter(f => f.startsWith(prefix))
      .map(f => f.slice(prefix.length).split('/')[0]);
    return names.length ? [...new Set(names)] : undefined;
  }

  async getLastCommit(path: string): Promise<CommitSummary | undefined> {
    this.#fail();
    return this.files.has(path)
      ? { sha: 'c0ffee'.padEnd(40, '0'), message: `Change ${path}` }
      : undefined;
  }

  async listChanges(prefix: string): Promise<InFlightChange[]> {
    this.#fail();
    return this.changes.filter(c => c.branch.startsWith(prefix));
  }

  async getPullRequest(number: number) {
    this.#fail();
    return this.pullRequests.get(number);
  }

  async compare(from: string, to: string): Promise<GitComparison> {
    this.#fail();
    if (from === 'unknown' || to === 'unknown') {
      throw new NotFoundError('No such commit');
    }
    return this.comparison;
  }

  #fail() {
    if (this.failWith) throw this.failWith;
  }
}
