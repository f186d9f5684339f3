import { createMockDirectory } from '@backstage/backend-test-utils';
import childProcess from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ReadThroughCache } from '../snapshot/ReadThroughCache';
import { ParsedFiles } from '../snapshot/ParsedFiles';
import { SnapshotRepository } from '../snapshot/SnapshotRepository';
import type { GitComparison, RepositorySnapshot } from '../types';
import { createTestRemote, type TestChange } from './createTestRemote';
import { BareClone } from './BareClone';
import { GitCliSnapshotSource } from './GitCliSnapshotSource';

// Each test runs real git processes: seconds on a loaded machine, not milliseconds.
jest.setTimeout(30_000);

const TTL = 30_000;
const QA_DIR = 'k8s/overlays/qa';
const QA = `${QA_DIR}/kustomization.yaml`;
const STAGING = 'k8s/overlays/staging/kustomization.yaml';
const QA_V1 = 'images:\n  - name: ghcr.io/acme/checkout\n    newTag: "1.10"\n';
const QA_V2 = 'images:\n  - name: ghcr.io/acme/checkout\n    newTag: "1.11"\n';
const STAGING_V1 =
  'images:\n  - name: ghcr.io/acme/checkout\n    newTag: "1.9"\n';
const checkout = (newTag: string) => [
  { name: 'ghcr.io/acme/checkout', newTag },
];

const mockDir = createMockDirectory();
let run = 0;

// Every git command Stageline runs goes through runGit, which spawns `git`; the test remote's
// own commands use execFile, which does not go through the module's `spawn` export.
let spawnSpy: jest.SpyInstance;
beforeEach(() => {
  spawnSpy = jest.spyOn(childProcess, 'spawn');
});
afterEach(() => spawnSpy.mockRestore());

/** The git subcommands spawned since the last `mockClear`, in order. */
function gitCommands(): string[] {
  return spawnSpy.mock.calls
    .filter(([file]) => file === 'git')
    .map(([, args]) =>
      (args as string[]).find(
        (a, i, all) => !a.startsWith('-') && all[i - 1] !== '-c',
      ),
    )
    .filter((command): command is string => !!command);
}

/** Polls `read` until `done` holds (a background refresh finished), for at most 5 s. */
async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const until = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error('background refresh never ended');
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

async function setup(
  options: {
    maxCompareCommits?: number;
    files?: Record<string, TestChange>;
  } = {},
) {
  const root = mockDir.resolve(`run-${run++}`);
  const remote = await createTestRemote(root);
  const initial = await remote.commit(
    { [QA]: QA_V1, [STAGING]: STAGING_V1, ...options.files },
    'Initial overlays',
  );
  const clonesDirectory = join(root, 'clones');
  const clock = { now: 1_700_000_000_000 };
  const parsed = new ParsedFiles();
  const comparisons = new ReadThroughCache<GitComparison>({
    ttlMs: TTL,
    now: () => clock.now,
  });
  const open = (
    opts: { url?: string; branch?: string; networkTimeoutMs?: number } = {},
  ) => {
    const source = new GitCliSnapshotSource({
      clone: new BareClone({
        url: opts.url ?? remote.url,
        displayName: 'acme/gitops',
        clonesDirectory,
        refreshIntervalMs: 60_000,
        networkTimeoutMs: opts.networkTimeoutMs ?? 10_000,
      }),
      branch: opts.branch ?? 'main',
      maxCompareCommits: options.maxCompareCommits,
    });
    const repository = new SnapshotRepository({
      source,
      parsed,
      comparisons,
      ttlMs: TTL,
      now: () => clock.now,
    });
    return { source, repository };
  };
  const repo = (opts?: Parameters<typeof open>[0]) => open(opts).repository;
  return { root, remote, initial, clonesDirectory, clock, parsed, open, repo };
}

/** `snapshot` fails with NotFoundError `message`, naming no local path under `root`: returns it. */
async function expectNotFound(
  snapshot: Promise<unknown>,
  root: string,
  message: string,
) {
  const error = await snapshot.then(
    () => new Error('the snapshot succeeded'),
    (e: Error) => e,
  );
  expect(error).toMatchObject({ name: 'NotFoundError', message });
  expect(error.message).not.toContain(root);
  return error;
}

describe('SnapshotRepository over GitCliSnapshotSource', () => {
  describe('reading a snapshot', () => {
    let ctx: Awaited<ReturnType<typeof setup>>;
    let snapshot: RepositorySnapshot;

    beforeAll(async () => {
      ctx = await setup({
        files: {
          'k8s/overlays/production': { symlink: 'staging' },
          'k8s/overlays/linked/kustomization.yaml': {
            symlink: '../staging/kustomization.yaml',
          },
          'k8s/overlays/sub-file/kustomization.yaml': {
            submodule: 'a'.repeat(40),
          },
          'k8s/overlays/sub-folder': { submodule: 'b'.repeat(40) },
          'k8s/overlays/two/kustomization.yaml': 'images: []\n',
          'k8s/overlays/two/Kustomization': 'images: []\n',
          'k8s/overlays/bad/kustomization.yaml': 'images:\n  name: oops\n',
          'k8s/overlays/empty/README.md': 'nothing here\n',
          'k8s/overlays/big/kustomization.yaml': `# ${'x'.repeat(300_000)}\n`,
          'k8s/overlays/a*/kustomization.yaml':
            'images:\n  - name: star\n    newTag: "1"\n',
          'k8s/overlays/ab/kustomization.yaml':
            'images:\n  - name: ab\n    newTag: "2"\n',
          'k8s/overlays/[q]a/kustomization.yaml':
            'images:\n  - name: bracket\n    newTag: "3"\n',
        },
      });
      snapshot = await ctx.repo().snapshot();
    });

    it('is the pushed head, with the overlay parsed and its blob SHA', async () => {
      expect(snapshot.commitSha).toBe(ctx.initial);
      await expect(snapshot.kustomization(QA_DIR)).resolves.toEqual({
        path: QA,
        blobSha: await ctx.remote.git('rev-parse', `HEAD:${QA}`),
        images: checkout('1.10'),
        resources: [],
      });
      await expect(snapshot.kustomization(`${QA_DIR}/`)).resolves.toEqual(
        expect.objectContaining({ path: QA }),
      );
    });

    it('lists folders, and undefined for an absent one', () => {
      expect(snapshot.listFolder('')).toEqual(['k8s']);
      expect(snapshot.listFolder('k8s')).toEqual(['overlays']);
      expect(snapshot.listFolder(QA_DIR)).toEqual(['kustomization.yaml']);
      expect(snapshot.listFolder('k8s/overlays')).toEqual(
        expect.arrayContaining(['qa', 'staging', 'production', 'a*', 'ab']),
      );
      expect(snapshot.listFolder('k8s/overlays/prod')).toBeUndefined();
      expect(snapshot.listFolder('nowhere/at/all')).toBeUndefined();
    });

    it('throws NotFoundError for an absent overlay folder or a folder without a kustomization', async () => {
      await expect(
        snapshot.kustomization('k8s/overlays/prod'),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: "No overlay folder 'k8s/overlays/prod' in acme/gitops",
      });
      await expect(
        snapshot.kustomization('k8s/overlays/empty'),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining(
          "in overlay folder 'k8s/overlays/empty' of acme/gitops",
        ),
      });
    });

    it('refuses a folder with two kustomization files', async () => {
      await expect(
        snapshot.kustomization('k8s/overlays/two'),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          'several kustomization files (kustomization.yaml, Kustomization)',
        ),
      });
    });

    it.each([
      ['symlink', 'k8s/overlays/linked'],
      ['submodule', 'k8s/overlays/sub-file'],
    ])('refuses a kustomization that is a %s', async (kind, dir) => {
      await expect(snapshot.kustomization(dir)).rejects.toMatchObject({
        name: 'InputError',
        message: `'${dir}/kustomization.yaml' in acme/gitops is a ${kind}, an unsupported file type: Stageline reads regular files only`,
      });
    });

    it('refuses a path through a symlinked folder or a submodule, and a file as a folder', async () => {
      await expect(
        snapshot.kustomization('k8s/overlays/production'),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(
          "'k8s/overlays/production' in acme/gitops is a symlink, not a folder (Stageline does not follow symlinks)",
        ),
      });
      expect(() =>
        snapshot.listFolder('k8s/overlays/production/nested'),
      ).toThrow(expect.objectContaining({ name: 'InputError' }));
      await expect(
        snapshot.kustomization('k8s/overlays/sub-folder'),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('is a submodule, not a folder'),
      });
      await expect(snapshot.kustomization(QA)).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('is a file, not a folder'),
      });
    });

    it('refuses an invalid kustomization, naming the file', async () => {
      await expect(
        snapshot.kustomization('k8s/overlays/bad'),
      ).rejects.toMatchObject({
        name: 'InputError',
        message:
          "'k8s/overlays/bad/kustomization.yaml' in acme/gitops: kustomization field 'images' must be a list",
      });
    });

    it('refuses an oversized kustomization without reading it', async () => {
      spawnSpy.mockClear();
      await expect(
        snapshot.kustomization('k8s/overlays/big'),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('is larger than'),
      });
      expect(gitCommands()).toEqual([]);
    });

    it('reads file names that look like globs literally', async () => {
      await expect(
        snapshot.kustomization('k8s/overlays/a*'),
      ).resolves.toMatchObject({
        path: 'k8s/overlays/a*/kustomization.yaml',
        images: [{ name: 'star', newTag: '1' }],
      });
      await expect(
        snapshot.kustomization('k8s/overlays/[q]a'),
      ).resolves.toMatchObject({ images: [{ name: 'bracket', newTag: '3' }] });
      await expect(
        snapshot.kustomization('k8s/overlays/?b'),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it.each([
      '../x',
      'k8s/../../etc/passwd',
      '/etc/passwd',
      'k8s\\qa',
      '--output=/tmp/x',
      'a\u0000b',
      './k8s',
      'k8s//overlays',
    ])('refuses the path %j', async path => {
      expect(() => snapshot.listFolder(path)).toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
      await expect(snapshot.kustomization(path)).rejects.toMatchObject({
        name: 'InputError',
      });
    });
  });

  it('reads a file:// URL into a clone folder named by a hash', async () => {
    const { remote, repo, clonesDirectory, initial, root } = await setup();
    const snapshot = await repo({ url: `file://${remote.url}` }).snapshot();
    expect(snapshot.commitSha).toBe(initial);
    const folders = await readdir(clonesDirectory);
    expect(folders).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.git$/)]);
    expect(folders[0]).not.toContain('origin');
    expect(folders[0]).not.toContain(root);
  });

  it('throws NotFoundError naming a missing branch, never a local path', async () => {
    const { repo, root } = await setup();
    await expectNotFound(
      repo({ branch: 'release' }).snapshot(),
      root,
      "Branch 'release' not found in acme/gitops",
    );
  });

  describe('freshness', () => {
    it('spawns no git process for warm views within the TTL, and parses nothing again', async () => {
      const { repo, clock, parsed } = await setup();
      const r = repo();
      const first = await r.snapshot();
      // The spy sees the first read: clone, then one head check and one pass over the tree.
      expect(gitCommands()).toEqual([
        'clone',
        'config',
        'for-each-ref',
        'ls-tree',
        'cat-file',
      ]);
      const parses = parsed.parses;
      expect(parses).toBe(2);

      spawnSpy.mockClear();
      for (let i = 0; i < 50; i++) {
        clock.now += 500; // 25 s in all, within the TTL
        const snapshot = await r.snapshot();
        expect(snapshot).toBe(first);
        await expect(snapshot.kustomization(QA_DIR)).resolves.toMatchObject({
          images: checkout('1.10'),
        });
        await expect(r.listChanges('stageline/')).resolves.toEqual([]);
      }
      expect(gitCommands()).toEqual([]);
      expect(parsed.parses).toBe(parses);
      expect(r.headChecks).toBe(1);

      // Past the TTL, the next view checks the head again (the spy is still listening).
      clock.now += TTL;
      await r.snapshot();
      const checked = await eventually(
        () => r.snapshot(),
        s => s.checkedAt.getTime() === clock.now,
      );
      expect(checked).toBe(first);
      expect(gitCommands()).toEqual(['fetch', 'for-each-ref']);
      expect(parsed.parses).toBe(parses);
    });

    it('serves the old snapshot while one background pass reads a new head', async () => {
      const { repo, open, remote, clock, parsed } = await setup();
      const { repository: r, source } = open();
      const old = await r.snapshot();
      const parses = parsed.parses;
      const readBlobs = jest.spyOn(source, 'readBlobs');

      const head = await remote.commit({ [QA]: QA_V2 }, 'Promote 1.11 to qa');
      spawnSpy.mockClear();
      clock.now += TTL;
      // The view does not wait for the head check.
      await expect(r.snapshot()).resolves.toBe(old);
      const fresh = await eventually(
        () => r.snapshot(),
        s => s.commitSha === head,
      );
      expect(gitCommands()).toEqual([
        'fetch',
        'for-each-ref',
        'ls-tree',
        'cat-file',
      ]);
      // Only the changed overlay's blob is read and parsed.
      expect(readBlobs).toHaveBeenCalledTimes(1);
      expect(readBlobs.mock.calls[0][1]).toEqual([
        expect.objectContaining({ path: QA }),
      ]);
      expect(parsed.parses).toBe(parses + 1);

      spawnSpy.mockClear();
      await expect(fresh.kustomization(QA_DIR)).resolves.toMatchObject({
        images: checkout('1.11'),
      });
      // A snapshot is a commit: the old one still answers as before.
      await expect(old.kustomization(QA_DIR)).resolves.toMatchObject({
        images: checkout('1.10'),
      });
      expect(gitCommands()).toEqual([]);

      // A head whose kustomizations were all parsed before reads no blob at all.
      const back = await remote.commit({ [QA]: QA_V1 }, 'Back to 1.10');
      const otherRepo = repo(); // same URL, shared parse results
      spawnSpy.mockClear();
      await expect(otherRepo.snapshot()).resolves.toMatchObject({
        commitSha: back,
      });
      expect(gitCommands()).toEqual(['fetch', 'for-each-ref', 'ls-tree']);
      expect(parsed.parses).toBe(parses + 1);
    });

    it('checks the head at once after markStale, within the TTL', async () => {
      const { repo, remote, clock } = await setup();
      const r = repo();
      const old = await r.snapshot();
      const head = await remote.commit({ [QA]: QA_V2 }, 'Promote');
      spawnSpy.mockClear();
      clock.now += 1_000;
      await expect(r.snapshot()).resolves.toBe(old);
      expect(gitCommands()).toEqual([]);

      r.markStale();
      const fresh = await eventually(
        () => r.snapshot(),
        s => s.commitSha === head,
      );
      await expect(fresh.kustomization(QA_DIR)).resolves.toMatchObject({
        images: checkout('1.11'),
      });
      expect(gitCommands()).toEqual([
        'fetch',
        'for-each-ref',
        'ls-tree',
        'cat-file',
      ]);
      expect(r.headChecks).toBe(2);
    });

    it('clones once for concurrent first reads', async () => {
      const { repo, clonesDirectory } = await setup();
      const r = repo();
      const [a, b, changes, qa] = await Promise.all([
        r.snapshot(),
        r.snapshot(),
        r.listChanges(''),
        r.snapshot().then(s => s.kustomization(QA_DIR)),
      ]);
      expect(a).toBe(b);
      expect(changes).toEqual([]);
      expect(qa.images).toEqual(checkout('1.10'));
      expect(gitCommands()).toEqual([
        'clone',
        'config',
        'for-each-ref',
        'ls-tree',
        'cat-file',
      ]);
      expect(await readdir(clonesDirectory)).toHaveLength(1);
    });

    it('lets two repositories of one URL clone at the same time, keeping one clone', async () => {
      const { repo, clonesDirectory, initial } = await setup();
      const snapshots = await Promise.all([
        repo().snapshot(),
        repo().snapshot(),
      ]);
      expect(snapshots.map(s => s.commitSha)).toEqual([initial, initial]);
      expect(await readdir(clonesDirectory)).toEqual([
        expect.stringMatching(/^[0-9a-f]{32}\.git$/),
      ]);
    });
  });

  describe('an unreachable remote', () => {
    it('fails fast with NotFoundError for a missing path and remembers the failure for the TTL', async () => {
      const { repo, root, clock } = await setup();
      const r = repo({ url: join(root, 'missing.git') });
      const started = Date.now();
      const error = await expectNotFound(
        r.snapshot(),
        root,
        'Git repository acme/gitops not found',
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(gitCommands()).toEqual(['clone']);

      spawnSpy.mockClear();
      clock.now += TTL - 1;
      await expect(r.snapshot()).rejects.toBe(error);
      await expect(r.listChanges('stageline/')).rejects.toBe(error);
      expect(gitCommands()).toEqual([]);

      clock.now += 1;
      await expect(r.snapshot()).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      expect(gitCommands()).toEqual(['clone']);
    });

    it('throws NotFoundError for a file:// URL to nothing', async () => {
      const { repo, root } = await setup();
      await expectNotFound(
        repo({ url: 'file:///nonexistent/x.git' }).snapshot(),
        root,
        'Git repository acme/gitops not found',
      );
    });

    describe('over http', () => {
      let server: Server | undefined;
      afterEach(async () => {
        server?.closeAllConnections();
        await new Promise(resolve => server?.close(resolve) ?? resolve(0));
        server = undefined;
      });

      async function listen(handler: Parameters<typeof createServer>[1]) {
        server = createServer(handler);
        await new Promise<void>(resolve =>
          server!.listen(0, '127.0.0.1', resolve),
        );
        return (server.address() as AddressInfo).port;
      }

      it('throws ServiceUnavailableError when nothing listens', async () => {
        const port = await listen(() => {});
        await new Promise(resolve => server!.close(resolve));
        server = undefined;
        const { repo } = await setup();
        const error = await repo({ url: `http://127.0.0.1:${port}/x.git` })
          .snapshot()
          .catch(e => e);
        expect(error).toMatchObject({
          name: 'ServiceUnavailableError',
          message: 'Git remote acme/gitops unreachable',
        });
      });

      it('gives up on a remote that never answers after the network timeout', async () => {
        const port = await listen(() => {});
        const { repo } = await setup();
        const started = Date.now();
        const error = await repo({
          url: `http://127.0.0.1:${port}/x.git`,
          networkTimeoutMs: 1_000,
        })
          .snapshot()
          .catch(e => e);
        expect(error).toMatchObject({
          name: 'ServiceUnavailableError',
          message: 'Fetching acme/gitops timed out after 1 s',
        });
        expect(Date.now() - started).toBeLessThan(5_000);
      });

      it('fails instead of prompting when an https remote asks for credentials', async () => {
        const port = await listen((_req, res) => {
          res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
          res.end();
        });
        const { repo } = await setup();
        for (const url of [
          `http://127.0.0.1:${port}/acme/gitops.git`,
          `http://user:canary-secret@127.0.0.1:${port}/acme/gitops.git`,
        ]) {
          const started = Date.now();
          const error = await repo({ url })
            .snapshot()
            .catch(e => e);
          expect(error).toMatchObject({
            name: 'ServiceUnavailableError',
            message:
              'Git remote acme/gitops needs credentials the backend does not have (prompts are disabled)',
          });
          expect(error.message).not.toContain('canary-secret');
          expect(Date.now() - started).toBeLessThan(5_000);
        }
      });
    });
  });

  describe('listChanges', () => {
    it('lists branches with the prefix, never the tracked branch, and drops deleted ones after a refresh', async () => {
      const { repo, remote, clock } = await setup();
      const head = await remote.commit(
        { [QA]: QA_V2 },
        'Promote checkout 1.11 to qa\n\nRequested by alice',
        { branch: 'stageline/checkout/qa', date: '2024-03-02T10:00:00Z' },
      );
      await remote.commit({ 'y.txt': 'y' }, 'Other', {
        branch: 'stageline/payments/qa',
      });
      await remote.commit({ 'z.txt': 'z' }, 'Feature', {
        branch: 'feature/x',
      });
      const r = repo();
      await expect(r.listChanges('stageline/checkout/')).resolves.toEqual([
        {
          kind: 'branch',
          title: 'Promote checkout 1.11 to qa',
          branch: 'stageline/checkout/qa',
          author: 'Alice',
          updatedAt: '2024-03-02T10:00:00Z',
          headSha: head,
        },
      ]);
      const all = await r.listChanges('');
      expect(all.map(c => c.branch).sort()).toEqual([
        'feature/x',
        'stageline/checkout/qa',
        'stageline/payments/qa',
      ]);

      const before = await r.snapshot();
      await remote.deleteBranch('stageline/checkout/qa');
      spawnSpy.mockClear();
      clock.now += TTL;
      // Served as of the last head check while the next one runs.
      await expect(r.listChanges('stageline/')).resolves.toHaveLength(2);
      const after = await eventually(
        () => r.listChanges('stageline/'),
        changes => changes.length === 1,
      );
      expect(after.map(c => c.branch)).toEqual(['stageline/payments/qa']);
      // The head did not move: one fetch (pruning) and one for-each-ref, no tree read.
      expect(gitCommands()).toEqual(['fetch', 'for-each-ref']);
      await expect(r.snapshot()).resolves.toBe(before);
    });
  });

  describe('getPullRequest', () => {
    it('has no pull requests', async () => {
      const { repo } = await setup();
      await expect(repo().getPullRequest(1)).resolves.toBeUndefined();
      expect(gitCommands()).toEqual([]);
    });
  });

  describe('compare', () => {
    it('lists commits reachable from `to` but not `from`, newest first', async () => {
      const { remote, repo, initial } = await setup();
      const a = await remote.commit(
        { 'a.txt': 'a' },
        'Merge pull request #5 from acme/a',
        { date: '2024-03-01T00:00:00Z' },
      );
      const b = await remote.commit({ 'b.txt': 'b' }, 'Add b', {
        date: '2024-03-02T00:00:00Z',
      });
      const r = repo();
      await expect(r.compare(initial, b)).resolves.toEqual({
        commits: [
          {
            sha: b,
            message: 'Add b',
            author: 'Alice',
            date: '2024-03-02T00:00:00Z',
          },
          expect.objectContaining({ sha: a, pullRequest: { number: 5 } }),
        ],
        truncated: false,
      });
      await expect(
        r.compare(b.slice(0, 7), initial.slice(0, 7)),
      ).resolves.toEqual({ commits: [], truncated: false });
    });

    it('bounds the list and says so', async () => {
      const { remote, repo, initial } = await setup({ maxCompareCommits: 2 });
      let last = initial;
      for (let i = 0; i < 3; i++) {
        last = await remote.commit({ 'n.txt': `${i}` }, `Change ${i}`);
      }
      const comparison = await repo().compare(initial, last);
      expect(comparison.commits).toHaveLength(2);
      expect(comparison.truncated).toBe(true);
      expect(comparison.commits[0]).toMatchObject({
        sha: last,
        message: 'Change 2',
      });
    });

    it('throws NotFoundError for an unknown commit', async () => {
      const { repo, initial } = await setup();
      await expect(
        repo().compare(initial, 'f'.repeat(40)),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: `Commit '${'f'.repeat(40)}' not found in acme/gitops`,
      });
    });

    it('answers a second comparison of two full SHAs without git', async () => {
      const { remote, repo, initial } = await setup();
      const b = await remote.commit({ 'b.txt': 'b' }, 'Add b');
      const r = repo();
      await r.snapshot();
      spawnSpy.mockClear();
      const first = await r.compare(initial, b);
      expect(first.commits).toEqual([expect.objectContaining({ sha: b })]);
      // The head check just fetched: no fetch, two rev-parse and one log.
      expect(gitCommands()).toEqual(['rev-parse', 'rev-parse', 'log']);

      spawnSpy.mockClear();
      await expect(r.compare(initial, b)).resolves.toEqual(first);
      await expect(repo().compare(initial, b)).resolves.toEqual(first);
      expect(gitCommands()).toEqual([]);
    });

    it.each(['--all', 'main..HEAD', 'HEAD@{1}', 'a b', '-n1'])(
      'refuses the ref %j without running git',
      async ref => {
        const { repo, initial } = await setup();
        const r = repo();
        await expect(r.compare(ref, initial)).rejects.toMatchObject({
          name: 'InputError',
        });
        await expect(r.compare(initial, ref)).rejects.toMatchObject({
          name: 'InputError',
        });
        expect(gitCommands()).toEqual([]);
      },
    );
  });

  describe('construction', () => {
    const source = (url: string, branch = 'main') =>
      new GitCliSnapshotSource({
        clone: new BareClone({
          url,
          displayName: 'acme/gitops',
          clonesDirectory: '/nonexistent/clones',
        }),
        branch,
      });

    it.each([
      '-uhttps://x',
      '--upload-pack=touch /tmp/pwned',
      'ext::sh -c touch% /tmp/pwned',
      'ssh://-oProxyCommand=x/y',
      'ssh://user@-oProxyCommand=x/y',
      'relative/path',
      'https://host/a\nb',
      'https://bot:s3cret@host/a b',
    ])('refuses the URL %j', url => {
      let error: Error | undefined;
      try {
        source(url);
      } catch (e) {
        error = e as Error;
      }
      expect(error).toMatchObject({ name: 'InputError' });
      expect(error!.message).not.toContain('s3cret');
      expect(gitCommands()).toEqual([]);
    });

    it.each(['--upload-pack=x', 'main..dev', '-b'])(
      'refuses the branch %j',
      branch => {
        expect(() => source('/srv/git/gitops.git', branch)).toThrow(
          expect.objectContaining({ name: 'InputError' }),
        );
      },
    );

    it('accepts the usual remote forms, and shows only the display name', () => {
      for (const url of [
        'https://git.example.com/acme/gitops.git',
        'https://bot:s3cret@git.example.com/acme/gitops.git',
        'ssh://git@git.example.com:2222/acme/gitops.git',
        'git@git.example.com:acme/gitops.git',
        'file:///srv/git/gitops.git',
        '/srv/git/gitops',
      ]) {
        expect(source(url).displayName).toBe('acme/gitops');
      }
    });
  });
});
