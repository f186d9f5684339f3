import { ReadThroughCache } from './ReadThroughCache';
import { ParsedFiles } from './ParsedFiles';
import { SnapshotRepository } from './SnapshotRepository';
import type { SnapshotSource } from './SnapshotSource';

// A source whose head is a counter, so each check shows whether it ran.
function countingSource() {
  const source = {
    displayName: 'acme/gitops',
    head: 'a'.repeat(40),
    reads: 0,
    async readHead() {
      source.reads++;
      return { commitSha: source.head, changes: [] };
    },
    readTree: async () => [],
    readBlobs: async () => new Map(),
    getPullRequest: async () => undefined,
    compare: async () => ({ commits: [], truncated: false }),
  };
  return source;
}

function repositoryOver(source: SnapshotSource, now: () => number) {
  return new SnapshotRepository({
    source,
    parsed: new ParsedFiles(),
    comparisons: new ReadThroughCache({ ttlMs: 60_000 }),
    ttlMs: 60_000,
    now,
  });
}

describe('SnapshotRepository.markStale', () => {
  afterEach(() => jest.useRealTimers());

  it('checks at once, but a flood of pushes costs one check a second', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    const source = countingSource();
    const repo = repositoryOver(source, () => Date.now());
    await repo.snapshot();
    expect(source.reads).toBe(1);

    source.head = 'b'.repeat(40);
    for (let i = 0; i < 50; i++) repo.markStale();
    // The first read was just now: the check waits for the one-second gap, once.
    expect(source.reads).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(source.reads).toBe(2);
    expect((await repo.snapshot()).commitSha).toBe('b'.repeat(40));

    await jest.advanceTimersByTimeAsync(5_000);
    repo.markStale();
    await jest.advanceTimersByTimeAsync(0);
    expect(source.reads).toBe(3);
  });

  it('does nothing before the first read, which checks anyway', async () => {
    const source = countingSource();
    const repo = repositoryOver(source, () => 0);
    repo.markStale();
    expect(source.reads).toBe(0);
    await repo.snapshot();
    expect(source.reads).toBe(1);
  });
});

/** The snapshot once the background head check reached `commitSha`. */
async function snapshotAt(repo: SnapshotRepository, commitSha: string) {
  for (let i = 0; i < 100; i++) {
    const snapshot = await repo.snapshot();
    if (snapshot.commitSha === commitSha) return snapshot;
    await new Promise(r => setTimeout(r, 5));
  }
  throw new Error(`never reached ${commitSha}`);
}

describe('SnapshotRepository change times', () => {
  const kustomization = (sha: string) => ({
    path: 'k8s/overlays/qa/kustomization.yaml',
    mode: '100644',
    type: 'blob' as const,
    sha,
    size: 20,
  });

  it('says when an overlay changed, from the second read on', async () => {
    let now = 1_000;
    let blob = '1'.repeat(40);
    const source = Object.assign(countingSource(), {
      readTree: async () => [kustomization(blob)],
      readBlobs: async (_: string, files: Array<{ sha: string }>) =>
        new Map(files.map(f => [f.sha, Buffer.from('images: []\n')])),
    });
    const repo = repositoryOver(source, () => now);
    const path = 'k8s/overlays/qa/kustomization.yaml';

    // At startup nobody can tell when the overlay got its content.
    expect((await repo.snapshot()).changedAt(path)).toBeUndefined();

    now = 120_000;
    source.head = 'b'.repeat(40);
    blob = '2'.repeat(40);
    repo.markStale();
    const second = await snapshotAt(repo, 'b'.repeat(40));
    expect(second.changedAt(path)).toEqual(new Date(120_000));

    // Another commit that leaves the overlay alone keeps its change time.
    now = 300_000;
    source.head = 'c'.repeat(40);
    repo.markStale();
    const third = await snapshotAt(repo, 'c'.repeat(40));
    expect(third.changedAt(path)).toEqual(new Date(120_000));
  });
});
