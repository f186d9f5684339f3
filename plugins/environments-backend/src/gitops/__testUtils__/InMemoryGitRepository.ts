import { NotFoundError } from '@backstage/errors';
import type { InFlightChange } from '@stageline/plugin-environments-common';
import { createHash } from 'node:crypto';
import { CommitSnapshot } from '../snapshot/CommitSnapshot';
import { ParsedFiles } from '../snapshot/ParsedFiles';
import type {
  GitComparison,
  GitRepository,
  PullRequestSummary,
  RepositorySnapshot,
  TreeEntry,
} from '../types';

/** A GitRepository over a map of files, for read-model unit tests: each read snapshots the map. */
export class InMemoryGitRepository implements GitRepository {
  readonly files = new Map<string, string>();
  readonly changes: InFlightChange[] = [];
  readonly pullRequests = new Map<number, PullRequestSummary>();
  readonly parsed = new ParsedFiles();
  comparison: GitComparison = { commits: [], truncated: false };
  failWith?: Error;
  /** Like a host that stopped answering: the last snapshot is served, as SnapshotRepository does. */
  servingLastSnapshot = false;
  #last?: RepositorySnapshot;
  webUrl = undefined;

  constructor(readonly displayName: string) {}

  async snapshot(): Promise<RepositorySnapshot> {
    if (this.servingLastSnapshot && this.#last) return this.#last;
    this.#fail();
    const tree = this.#tree();
    const blobs = new Map(
      [...this.files.values()].map(content => [
        blobSha(content),
        Buffer.from(content),
      ]),
    );
    const reload = async (files: TreeEntry[]) => {
      for (const f of files) this.parsed.add(f, blobs.get(f.sha)!);
    };
    this.#last = new CommitSnapshot({
      commitSha: sha1(JSON.stringify([...this.files])),
      checkedAt: new Date(),
      displayName: this.displayName,
      tree,
      parsed: this.parsed,
      reload,
    });
    return this.#last;
  }

  markStale(): void {}

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

  #tree(): TreeEntry[] {
    const entries = new Map<string, TreeEntry>();
    for (const [path, content] of this.files) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const folder = parts.slice(0, i).join('/');
        entries.set(folder, {
          path: folder,
          mode: '040000',
          type: 'tree',
          sha: sha1(folder),
        });
      }
      entries.set(path, {
        path,
        mode: '100644',
        type: 'blob',
        sha: blobSha(content),
        size: Buffer.byteLength(content),
      });
    }
    return [...entries.values()];
  }

  #fail() {
    if (this.failWith) throw this.failWith;
  }
}

function sha1(text: string) {
  return createHash('sha1').update(text).digest('hex');
}

function blobSha(content: string) {
  const bytes = Buffer.from(content);
  return createHash('sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}
