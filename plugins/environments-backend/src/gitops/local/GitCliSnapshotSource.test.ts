import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestRemote } from './createTestRemote';
import { LocalGitRepository } from './LocalGitRepository';

const exec = promisify(execFile);
const QA = 'k8s/overlays/qa/kustomization.yaml';
const mockDir = createMockDirectory();

let run = 0;
async function setup(
  options: { refreshIntervalMs?: number; maxCompareCommits?: number } = {},
) {
  const root = mockDir.resolve(`run-${run++}`);
  const remote = await createTestRemote(root);
  const initial = await remote.commit(
    {
      [QA]: 'images: []\n',
      'k8s/overlays/staging/kustomization.yaml': 'images: []\n',
    },
    'Initial overlays',
  );
  const clonesDirectory = join(root, 'clones');
  const repo = (url = remote.url, branch = 'main') =>
    new LocalGitRepository({
      url,
      branch,
      clonesDirectory,
      refreshIntervalMs: options.refreshIntervalMs ?? 60_000,
      maxCompareCommits: options.maxCompareCommits,
      networkTimeoutMs: 10_000,
    });
  return { remote, initial, repo, clonesDirectory };
}

describe('LocalGitRepository', () => {
  describe('readFile', () => {
    it('reads a file at the branch tip with its blob SHA', async () => {
      const { remote, repo } = await setup();
      const file = await repo().readFile(QA);
      expect(file).toEqual({
        path: QA,
        content: 'images: []\n',
        blobSha: await remote.git('rev-parse', `HEAD:${QA}`),
      });
    });

    it('reads from a file:// URL and keeps the clone in a folder named by a hash', async () => {
      const { remote, repo, clonesDirectory } = await setup();
      await expect(
        repo(`file://${remote.url}`).readFile(QA),
      ).resolves.toBeDefined();
      expect(await readdir(clonesDirectory)).toEqual([
        expect.stringMatching(/^[0-9a-f]{32}\.git$/),
      ]);
    });

    it('returns undefined for an absent file or folder', async () => {
      const { repo } = await setup();
      const r = repo();
      await expect(
        r.readFile('k8s/overlays/qa/absent.yaml'),
      ).resolves.toBeUndefined();
      await expect(
        r.readFile('absent/kustomization.yaml'),
      ).resolves.toBeUndefined();
    });

    it.each([
      ['symlink', { symlink: '../staging/kustomization.yaml' }],
      ['submodule', { submodule: 'a'.repeat(40) }],
    ])('refuses a %s', async (type, change) => {
      const { remote, repo } = await setup();
      await remote.commit(
        { 'k8s/overlays/production/kustomization.yaml': change },
        type,
      );
      await expect(
        repo().readFile('k8s/overlays/production/kustomization.yaml'),
      ).rejects.toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: expect.stringContaining(
            `is a ${type}, an unsupported file type`,
          ),
        }),
      );
    });

    it('refuses a folder, and a path through a symlinked folder', async () => {
      const { remote, repo } = await setup();
      await remote.commit(
        { 'k8s/overlays/production': { symlink: 'staging' } },
        'link',
      );
      const r = repo();
      await expect(r.readFile('k8s/overlays/qa')).rejects.toThrow(
        /is a folder/,
      );
      await expect(
        r.readFile('k8s/overlays/production/kustomization.yaml'),
      ).rejects.toThrow(/does not follow symlinks/);
    });

    it('reads a file whose name looks like a glob literally', async () => {
      const { remote, repo } = await setup();
      await remote.commit({ 'k8s/a*': 'star\n', 'k8s/ab': 'ab\n' }, 'globs');
      await expect(repo().readFile('k8s/a*')).resolves.toMatchObject({
        content: 'star\n',
      });
    });

    it.each([
      '../x',
      'k8s/../../etc/passwd',
      '/etc/passwd',
      'k8s\\qa',
      '--output=/tmp/x',
      'a\u0000b',
      './k8s',
    ])('refuses the path %j', async path => {
      const { repo } = await setup();
      await expect(repo().readFile(path)).rejects.toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    });

    it('throws NotFoundError for a missing branch', async () => {
      const { remote, repo } = await setup();
      await expect(repo(remote.url, 'release').readFile(QA)).rejects.toThrow(
        expect.objectContaining({
          name: 'NotFoundError',
          message: `Branch 'release' not found in ${remote.url}`,
        }),
      );
    });
  });

  describe('listFolder', () => {
    it('lists entries, and undefined when absent', async () => {
      const { repo } = await setup();
      const r = repo();
      await expect(r.listFolder('k8s/overlays')).resolves.toEqual([
        'qa',
        'staging',
      ]);
      await expect(r.listFolder('')).resolves.toEqual(['k8s']);
      await expect(r.listFolder('k8s/overlays/prod')).resolves.toBeUndefined();
    });
  });

  describe('freshness', () => {
    it('serves reads from the clone within the refresh interval', async () => {
      const { remote, repo } = await setup({ refreshIntervalMs: 60_000 });
      const r = repo();
      await r.readFile(QA);
      await remote.commit({ [QA]: 'images:\n  - name: app\n' }, 'change');
      await expect(r.readFile(QA)).resolves.toMatchObject({
        content: 'images: []\n',
      });
    });

    it('fetches after the refresh interval and prunes deleted branches', async () => {
      const { remote, repo } = await setup({ refreshIntervalMs: 0 });
      await remote.commit({ 'x.txt': 'x' }, 'Promote', {
        branch: 'stageline/checkout/qa',
      });
      const r = repo();
      await expect(r.listChanges('stageline/')).resolves.toHaveLength(1);

      await remote.commit({ [QA]: 'images:\n  - name: app\n' }, 'change');
      await remote.deleteBranch('stageline/checkout/qa');
      await expect(r.readFile(QA)).resolves.toMatchObject({
        content: 'images:\n  - name: app\n',
      });
      await expect(r.listChanges('stageline/')).resolves.toEqual([]);
    });

    it('clones once for concurrent first reads', async () => {
      const { repo, clonesDirectory } = await setup();
      const r = repo();
      const files = await Promise.all([
        r.readFile(QA),
        r.listFolder('k8s'),
        r.getLastCommit(QA),
      ]);
      expect(files.every(Boolean)).toBe(true);
      expect(await readdir(clonesDirectory)).toHaveLength(1);
    });

    it('reports an unreachable remote without hanging and remembers the failure', async () => {
      const { repo, clonesDirectory } = await setup();
      const r = repo(join(clonesDirectory, 'missing.git'));
      await expect(r.readFile(QA)).rejects.toThrow(
        expect.objectContaining({
          name: 'NotFoundError',
          message: expect.stringContaining('not found'),
        }),
      );
      await expect(r.listFolder('k8s')).rejects.toThrow(/not found/);
    });
  });

  describe('getLastCommit', () => {
    it('returns the commit that last changed the path', async () => {
      const { remote, repo } = await setup();
      const sha = await remote.commit(
        { [QA]: 'images:\n  - name: app\n' },
        'Promote checkout to qa (#12)\n\nRequested by alice',
        { date: '2024-03-01T10:00:00Z' },
      );
      await remote.commit({ 'README.md': 'docs\n' }, 'Docs');
      await expect(repo().getLastCommit(QA)).resolves.toEqual({
        sha,
        message: 'Promote checkout to qa (#12)\n\nRequested by alice',
        author: 'Alice',
        date: '2024-03-01T10:00:00Z',
        pullRequest: { number: 12 },
      });
    });

    it('returns undefined for a path without history', async () => {
      const { repo } = await setup();
      await expect(
        repo().getLastCommit('absent.yaml'),
      ).resolves.toBeUndefined();
    });
  });

  describe('listChanges', () => {
    it('lists branches with the prefix as in-flight changes', async () => {
      const { remote, repo } = await setup();
      const head = await remote.commit(
        { [QA]: 'images: [] # v2\n' },
        'Promote checkout v2 to qa',
        {
          branch: 'stageline/checkout/qa',
          date: '2024-03-02T10:00:00Z',
        },
      );
      await remote.commit({ 'y.txt': 'y' }, 'Other', {
        branch: 'stageline/payments/qa',
      });
      await expect(repo().listChanges('stageline/checkout/')).resolves.toEqual([
        {
          kind: 'branch',
          title: 'Promote checkout v2 to qa',
          branch: 'stageline/checkout/qa',
          author: 'Alice',
          updatedAt: '2024-03-02T10:00:00Z',
          headSha: head,
        },
      ]);
    });

    it('refuses a prefix that looks like an option', async () => {
      const { repo } = await setup();
      await expect(repo().listChanges('--contains=main')).rejects.toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    });
  });

  describe('getPullRequest', () => {
    it('has no pull requests', async () => {
      const { repo } = await setup();
      await expect(repo().getPullRequest(1)).resolves.toBeUndefined();
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
      const comparison = await repo().compare(initial, b);
      expect(comparison).toEqual({
        commits: [
          expect.objectContaining({ sha: b, message: 'Add b' }),
          expect.objectContaining({ sha: a, pullRequest: { number: 5 } }),
        ],
        truncated: false,
      });
      await expect(
        repo().compare(b.slice(0, 7), initial.slice(0, 7)),
      ).resolves.toEqual({
        commits: [],
        truncated: false,
      });
    });

    it('bounds the list and says so', async () => {
      const { remote, repo, initial } = await setup({ maxCompareCommits: 2 });
      let last = initial;
      for (let i = 0; i < 3; i++)
        last = await remote.commit({ 'n.txt': `${i}` }, `Change ${i}`);
      const comparison = await repo().compare(initial, last);
      expect(comparison.commits).toHaveLength(2);
      expect(comparison.truncated).toBe(true);
      expect(comparison.commits[0].sha).toBe(last);
    });

    it('throws NotFoundError for an unknown commit', async () => {
      const { repo, initial } = await setup();
      await expect(repo().compare(initial, 'f'.repeat(40))).rejects.toThrow(
        expect.objectContaining({
          name: 'NotFoundError',
          message: expect.stringContaining(
            `Commit '${'f'.repeat(40)}' not found`,
          ),
        }),
      );
    });

    it.each(['--all', 'main..HEAD', 'HEAD@{1}', 'a b'])(
      'refuses the ref %j',
      async ref => {
        const { repo } = await setup();
        await expect(repo().compare(ref, 'main')).rejects.toThrow(
          expect.objectContaining({ name: 'InputError' }),
        );
      },
    );
  });

  describe('construction', () => {
    it.each([
      '-uhttps://x',
      '--upload-pack=touch /tmp/pwned',
      'ext::sh -c touch% /tmp/pwned',
      'ssh://-oProxyCommand=x/y',
      'ssh://user@-oProxyCommand=x/y',
      'relative/path',
      'https://host/a\nb',
    ])('refuses the URL %j', url => {
      expect(() => new LocalGitRepository({ url, branch: 'main' })).toThrow(
        expect.objectContaining({ name: 'InputError' }),
      );
    });

    it('accepts the usual remote forms', () => {
      for (const url of [
        'https://git.example.com/acme/gitops.git',
        'ssh://git@git.example.com:2222/acme/gitops.git',
        'git@git.example.com:acme/gitops.git',
        'file:///srv/git/gitops.git',
        '/srv/git/gitops',
      ]) {
        expect(
          new LocalGitRepository({ url, branch: 'main' }).displayName,
        ).toBe(url);
      }
    });

    it('keeps credentials out of its display name', () => {
      expect(
        new LocalGitRepository({
          url: 'https://bot:s3cret@git.example.com/a.git',
          branch: 'main',
        }).displayName,
      ).toBe('https://git.example.com/a.git');
    });
  });

  describe('credentials', () => {
    let server: Server;
    afterEach(() => server?.close());

    it('fails instead of prompting when an https remote asks for credentials', async () => {
      server = createServer((_req, res) => {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
        res.end();
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      const { port } = server.address() as AddressInfo;
      const { clonesDirectory } = await setup();
      const repo = new LocalGitRepository({
        url: `http://user:canary-secret@127.0.0.1:${port}/acme/gitops.git`,
        branch: 'main',
        clonesDirectory,
        networkTimeoutMs: 10_000,
      });
      const started = Date.now();
      const error = await repo.readFile(QA).catch(e => e);
      expect(error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('needs credentials'),
      });
      expect(error.message).not.toContain('canary-secret');
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});

// Keeps `exec` referenced for ad-hoc debugging of the remote in failing tests.
void exec;
