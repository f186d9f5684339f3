import type { LoggerService } from '@backstage/backend-plugin-api';
import type { InFlightChange } from '@stageline/plugin-environments-common';
import { SingleFlight } from '../SingleFlight';
import type {
  GitComparison,
  GitRepository,
  PullRequestSummary,
  RepositorySnapshot,
  TreeEntry,
} from '../types';
import { CommitSnapshot, isParsedAhead } from './CommitSnapshot';
import type { ParsedFiles } from './ParsedFiles';
import { ReadThroughCache } from './ReadThroughCache';
import type { HeadState, SnapshotSource } from './SnapshotSource';

type Current = { snapshot: CommitSnapshot; changes: InFlightChange[] };

const FULL_SHA = /^[0-9a-f]{40}$/;
// Pull requests a repository remembers (previews of one source repository).
const MAX_PULL_REQUESTS = 1_000;

// Pushes and writes start a head check at once, but not more often than this: a flood of
// webhooks costs one check per second per repository at most.
const MIN_STALE_CHECK_GAP_MS = 1_000;

/**
 * A repository read as whole snapshots. The head is checked at most once per `ttlMs`, in the
 * background once a snapshot exists (views are served the snapshot at hand meanwhile); only a
 * moved head reads a tree, and only blobs not parsed before are read. A failed first read is
 * remembered for the TTL, so views fail fast instead of retrying on every request.
 */
export class SnapshotRepository implements GitRepository {
  readonly displayName: string;
  readonly webUrl?: string;
  readonly #source: SnapshotSource;
  readonly #parsed: ParsedFiles;
  readonly #comparisons: ReadThroughCache<GitComparison>;
  readonly #pullRequests: ReadThroughCache<PullRequestSummary | undefined>;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #logger?: LoggerService;
  readonly #flight = new SingleFlight<Current>();
  #current?: Current;
  #checkedAt = -Infinity;
  #stale = false;
  #failure?: { at: number; error: Error };
  #scheduled?: ReturnType<typeof setTimeout>;
  /** Head checks made so far (for tests and the benchmark). */
  headChecks = 0;

  constructor(options: {
    source: SnapshotSource;
    parsed: ParsedFiles;
    /** Shared by all repositories; keys name the repository. */
    comparisons: ReadThroughCache<GitComparison>;
    ttlMs: number;
    now?: () => number;
    logger?: LoggerService;
  }) {
    this.#source = options.source;
    this.displayName = options.source.displayName;
    this.webUrl = options.source.webUrl;
    this.#parsed = options.parsed;
    this.#comparisons = options.comparisons;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
    this.#pullRequests = new ReadThroughCache({
      ttlMs: options.ttlMs,
      maxEntries: MAX_PULL_REQUESTS,
      now: this.#now,
    });
    this.#logger = options.logger;
  }

  async snapshot(): Promise<RepositorySnapshot> {
    return (await this.#read()).snapshot;
  }

  markStale(): void {
    this.#stale = true;
    if (!this.#current || this.#scheduled) return;
    const wait = this.#checkedAt + MIN_STALE_CHECK_GAP_MS - this.#now();
    if (wait <= 0) {
      this.#refreshInBackground();
      return;
    }
    this.#scheduled = setTimeout(() => {
      this.#scheduled = undefined;
      this.#refreshInBackground();
    }, wait);
    this.#scheduled.unref?.();
  }

  async listChanges(branchPrefix: string): Promise<InFlightChange[]> {
    const { changes } = await this.#read();
    return changes.filter(c => c.branch.startsWith(branchPrefix));
  }

  /** A pull request, read at most once per TTL (previews show one per namespace). */
  getPullRequest(number: number): Promise<PullRequestSummary | undefined> {
    return this.#pullRequests.get(String(number), () =>
      this.#source.getPullRequest(number),
    );
  }

  /** A comparison already in memory, without reading; undefined when there is none. */
  cachedComparison(from: string, to: string): GitComparison | undefined {
    return this.#comparisons.peek(`${this.displayName}\n${from}\n${to}`, {
      immutable: FULL_SHA.test(from) && FULL_SHA.test(to),
    });
  }

  /** Commits between two versions; two full SHAs are compared once. */
  compare(from: string, to: string): Promise<GitComparison> {
    return this.#comparisons.get(
      `${this.displayName}\n${from}\n${to}`,
      () => this.#source.compare(from, to),
      { immutable: FULL_SHA.test(from) && FULL_SHA.test(to) },
    );
  }

  async #read(): Promise<Current> {
    const due = this.#stale || this.#now() - this.#checkedAt >= this.#ttlMs;
    if (this.#current) {
      if (due) this.#refreshInBackground();
      return this.#current;
    }
    if (!due && this.#failure) throw this.#failure.error;
    return this.#refresh();
  }

  #refreshInBackground() {
    this.#refresh().catch(error => {
      this.#logger?.warn(
        'Could not refresh a GitOps repository; serving its last snapshot',
        {
          repository: this.displayName,
          commit: this.#current?.snapshot.commitSha.slice(0, 7) ?? null,
          error: String(error),
        },
      );
    });
  }

  #refresh(): Promise<Current> {
    return this.#flight.run('head', async () => {
      this.#checkedAt = this.#now();
      this.#stale = false;
      this.headChecks++;
      try {
        const head = await this.#source.readHead();
        this.#current = await this.#advance(head);
        this.#failure = undefined;
        return this.#current;
      } catch (error) {
        this.#failure = { at: this.#now(), error: error as Error };
        throw error;
      }
    });
  }

  async #advance(head: HeadState): Promise<Current> {
    const checkedAt = new Date(this.#now());
    const current = this.#current;
    if (current && current.snapshot.commitSha === head.commitSha) {
      current.snapshot.checkedAt = checkedAt;
      return { snapshot: current.snapshot, changes: head.changes };
    }
    const tree = await this.#source.readTree(head.commitSha);
    const commitSha = head.commitSha;
    const reload = (files: TreeEntry[]) => this.#load(commitSha, files);
    const parsedAhead = tree.filter(isParsedAhead);
    await reload(parsedAhead);
    const snapshot = new CommitSnapshot({
      commitSha,
      checkedAt,
      displayName: this.displayName,
      tree,
      parsed: this.#parsed,
      reload,
      changedAt: changesSince(current?.snapshot, parsedAhead, checkedAt),
    });
    // Manifests the kustomizations name (a migrations Job, say) are read in the same pass.
    await reload(snapshot.referencedManifests());
    return { snapshot, changes: head.changes };
  }

  /** Reads and parses the files whose blobs were not parsed before. */
  async #load(commitSha: string, files: TreeEntry[]): Promise<void> {
    const missing = files.filter(f => !this.#parsed.has(f));
    if (!missing.length) return;
    const unique = [...new Map(missing.map(f => [f.sha, f])).values()];
    const blobs = await this.#source.readBlobs(commitSha, unique);
    await this.#parsed.addAll(missing, blobs);
  }
}

/**
 * When each parsed file got its content: now for those that differ from the previous snapshot,
 * as before for the others; nothing on the first read, which cannot tell.
 */
function changesSince(
  previous: CommitSnapshot | undefined,
  files: TreeEntry[],
  now: Date,
): Map<string, Date> {
  const changedAt = new Map<string, Date>();
  if (!previous) return changedAt;
  for (const file of files) {
    const before = previous.blobShaAt(file.path);
    const since = before === file.sha ? previous.changedAt(file.path) : now;
    if (since) changedAt.set(file.path, since);
  }
  return changedAt;
}
