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
