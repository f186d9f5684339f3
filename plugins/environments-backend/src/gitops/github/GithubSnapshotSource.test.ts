import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { blobSha } from './__testUtils__/blobSha';
import { createGithubStandIn } from './__testUtils__/createGithubStandIn';
import type { GithubStandIn } from './__testUtils__/GithubStandIn';
import { ReadThroughCache } from '../snapshot/ReadThroughCache';
import { ParsedFiles } from '../snapshot/ParsedFiles';
import { SnapshotRepository } from '../snapshot/SnapshotRepository';
import { testGithubSource } from './testGithubSource';

const TOKEN = 'ghp_canary0123456789secret';
const TTL = 30_000;
const OVERLAYS = 30;
const API = 'https://api.github.com/repos/acme/gitops';

const overlay = (i: number) => `k8s/overlays/env-${String(i).padStart(2, '0')}`;
const kustomization = (i: number, tag = `1.${i}.0`) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/svc-${i}\n    newTag: "${tag}"\n`;

const server = setupServer();
registerMswTestHooks(server);

let standIn: GithubStandIn;
let now: number;

beforeEach(() => {
  now = 1_000_000;
  standIn = createGithubStandIn({ token: TOKEN, compareLimit: 3 });
  server.use(...standIn.handlers);
  const files: Record<string, string> = {
    'README.md': '# gitops\n',
    'k8s/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
    'k8s/base/deployment.yaml': 'kind: Deployment\n',
  };
  for (let i = 0; i < OVERLAYS; i++) {
    files[`${overlay(i)}/kustomization.yaml`] = kustomization(i);
  }
  standIn.model.addRepo('acme/gitops', { files });
});

/** A repository as GitopsRepositories makes one, over the stand-in, with a fake clock. */
function open() {
  const parsed = new ParsedFiles();
  const repo = new SnapshotRepository({
    source: testGithubSource({ token: TOKEN }),
    parsed,
    comparisons: new ReadThroughCache({ ttlMs: TTL, now: () => now }),
    ttlMs: TTL,
    now: () => now,
  });
  return { repo, parsed };
}

const head = (branch = 'main') =>
  standIn.model.repo('acme/gitops')!.branches.get(branch)!;

/** The logged requests as `[path without query, status]`. */
const requested = () =>
  standIn.requests.entries.map(e => [e.path.replace(/\?.*$/, ''), e.status]);

/** Waits for a background refresh to show. */
async function eventually(check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 3_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise(r => setTimeout(r, 2));
  }
}

describe('SnapshotRepository over GithubSnapshotSource', () => {
  describe('a snapshot', () => {
    it('reads the kustomizations of every overlay from one tarball download', async () => {
      const { repo } = open();
      const snapshot = await repo.snapshot();

      expect(snapshot.commitSha).toBe(head());
      for (let i = 0; i < OVERLAYS; i++) {
        const content = kustomization(i);
        await expect(snapshot.kustomization(overlay(i))).resolves.toEqual({
          path: `${overlay(i)}/kustomization.yaml`,
          blobSha: blobSha(content),
          images: [{ name: `ghcr.io/acme/svc-${i}`, newTag: `1.${i}.0` }],
          resources: ['../../base'],
        });
      }
      // Only the base's manifest, named by a kustomization, is read on its own.
      expect(standIn.requests.count(undefined, '/git/blobs/')).toBe(1);
      expect(standIn.requests.count(302, '/tarball/')).toBe(1);
      expect(standIn.requests.count(200, '/_codeload/')).toBe(1);
    });

    it('lists folders, and refuses a file or a path out of the repository', async () => {
      const snapshot = await open().repo.snapshot();
      expect(snapshot.listFolder('k8s/overlays')).toEqual(
        Array.from({ length: OVERLAYS }, (_, i) => overlay(i).slice(13)),
      );
      expect(snapshot.listFolder('')?.sort()).toEqual(['README.md', 'k8s']);
      expect(snapshot.listFolder('k8s/overlays/env-00')).toEqual([
        'kustomization.yaml',
      ]);
      expect(snapshot.listFolder('k8s/overlays/prod')).toBeUndefined();
      expect(() => snapshot.listFolder('README.md')).toThrow(
        /'README.md' in acme\/gitops is a file, not a folder/,
      );
      for (const path of [
        '../x',
        'k8s/../../x',
        '/etc',
        'k8s\\a',
        '-x',
        'k8s//overlays',
        'k8s/overlays/',
      ]) {
        expect(() => snapshot.listFolder(path)).toThrow(
          expect.objectContaining({ name: 'InputError' }),
        );
      }
    });

    it('refuses unsafe overlay paths without any request', async () => {
      const snapshot = await open().repo.snapshot();
      const total = standIn.requests.total;
      for (const path of [
        '../secrets',
        'k8s/../../x',
        '/etc/passwd',
        'a\u0000b',
      ]) {
        await expect(snapshot.kustomization(path)).rejects.toThrow(
          expect.objectContaining({ name: 'InputError' }),
        );
      }
      // A trailing slash names the same overlay.
      await expect(
        snapshot.kustomization(`${overlay(0)}/`),
      ).resolves.toMatchObject({ path: `${overlay(0)}/kustomization.yaml` });
      await expect(snapshot.kustomization('k8s/overlays/prod')).rejects.toThrow(
        expect.objectContaining({
          name: 'NotFoundError',
          message: "No overlay folder 'k8s/overlays/prod' in acme/gitops",
        }),
      );
      await expect(snapshot.kustomization('k8s')).rejects.toThrow(
        expect.objectContaining({ name: 'NotFoundError' }),
      );
      expect(standIn.requests.total).toBe(total);
    });
  });

  describe('cost', () => {
    it('warms up with pulls, ref, tree and one tarball, then serves views with no request and no parse', async () => {
      const { repo, parsed } = open();
      const sha = head();
      const first = await Promise.all([repo.snapshot(), repo.snapshot()]);
      expect(first[0]).toBe(first[1]);

      expect(requested()).toEqual([
        ['/repos/acme/gitops/pulls', 200],
        ['/repos/acme/gitops/git/ref/heads%2Fmain', 200],
        [`/repos/acme/gitops/git/trees/${sha}`, 200],
        [`/repos/acme/gitops/tarball/${sha}`, 302],
        [`/_codeload/acme/gitops/legacy.tar.gz/${sha}`, 200],
        // The manifest the base names, read once after the kustomizations (a migrations Job
        // would be found there).
        [`/repos/acme/gitops/git/blobs/${blobSha('kind: Deployment\n')}`, 200],
      ]);
      expect(
        standIn.requests.entries
          .filter(e => !e.path.startsWith('/_codeload/'))
          .every(e => e.authorization === `Bearer ${TOKEN}`),
      ).toBe(true);
      // Every kustomization (the overlays' and the base's) and the base's manifest parsed once, up front.
      expect(parsed.parses).toBe(OVERLAYS + 2);
      expect(repo.headChecks).toBe(1);

      const total = standIn.requests.total;
      for (let i = 0; i < 100; i++) {
        const snapshot = await repo.snapshot();
        expect(snapshot).toBe(first[0]);
        await snapshot.kustomization(overlay(i % OVERLAYS));
        await repo.listChanges('stageline/');
      }
      expect(standIn.requests.total).toBe(total);
      expect(parsed.parses).toBe(OVERLAYS + 2);
      expect(repo.headChecks).toBe(1);
    });

    it('after a commit and the TTL, serves the old snapshot at once and reads only the changed blob in the background', async () => {
      const { repo, parsed } = open();
      const before = await repo.snapshot();
      const parses = parsed.parses;
      const changed = kustomization(3, '2.0.0');
      const sha = standIn.model.commit('acme/gitops', {
        files: { [`${overlay(3)}/kustomization.yaml`]: changed },
        message: 'Promote svc-3',
      });
      standIn.requests.clear();
      now += TTL;

      // Hold the head check: the read must not wait for it.
      let release!: () => void;
      const held = new Promise<void>(r => {
        release = r;
      });
      server.use(
        http.get(`${API}/git/ref/*`, () => held.then(() => undefined)),
      );
      let timer: ReturnType<typeof setTimeout> | undefined;
      const served = await Promise.race([
        repo.snapshot(),
        new Promise(r => {
          timer = setTimeout(() => r('waited for the head check'), 1000);
        }),
      ]);
      clearTimeout(timer);
      expect(served).toBe(before);
      expect(repo.headChecks).toBe(2);
      release();
      await eventually(async () => (await repo.snapshot()).commitSha === sha);

      expect(requested()).toEqual([
        ['/repos/acme/gitops/pulls', 304],
        ['/repos/acme/gitops/git/ref/heads%2Fmain', 200],
        [`/repos/acme/gitops/git/trees/${sha}`, 200],
        [`/repos/acme/gitops/git/blobs/${blobSha(changed)}`, 200],
      ]);
      const after = await repo.snapshot();
      await expect(after.kustomization(overlay(3))).resolves.toEqual({
        path: `${overlay(3)}/kustomization.yaml`,
        blobSha: blobSha(changed),
        images: [{ name: 'ghcr.io/acme/svc-3', newTag: '2.0.0' }],
        resources: ['../../base'],
      });
      await expect(after.kustomization(overlay(4))).resolves.toMatchObject({
        blobSha: blobSha(kustomization(4)),
      });
      expect(parsed.parses).toBe(parses + 1);
      // The old snapshot still answers for its own commit, from the kept parse.
      await expect(before.kustomization(overlay(3))).resolves.toMatchObject({
        images: [{ name: 'ghcr.io/acme/svc-3', newTag: '1.3.0' }],
      });
      expect(standIn.requests.total).toBe(4);
      expect(repo.headChecks).toBe(2);
    });

    it('checks an unmoved head after the TTL with conditional requests answered 304, and reads no tree', async () => {
      const { repo, parsed } = open();
      const snapshot = await repo.snapshot();
      const etags = standIn.requests.entries.slice(0, 2);
      standIn.requests.clear();
      now += TTL - 1;
      await repo.snapshot();
      expect(standIn.requests.total).toBe(0);

      now += 1;
      await expect(repo.snapshot()).resolves.toBe(snapshot);
      await eventually(() => snapshot.checkedAt.getTime() === now);

      expect(requested()).toEqual([
        ['/repos/acme/gitops/pulls', 304],
        ['/repos/acme/gitops/git/ref/heads%2Fmain', 304],
      ]);
      for (const entry of standIn.requests.entries) {
        expect(entry.ifNoneMatch).toMatch(/^W\/"[0-9a-f]{40}"$/);
      }
      expect(etags.map(e => e.ifNoneMatch)).toEqual([undefined, undefined]);
      expect(parsed.parses).toBe(OVERLAYS + 2);
      expect(repo.headChecks).toBe(2);
    });

    it('checks the head within the TTL once marked stale', async () => {
      const { repo } = open();
      await repo.snapshot();
      const sha = standIn.model.commit('acme/gitops', {
        files: { [`${overlay(7)}/kustomization.yaml`]: kustomization(7, '9') },
        message: 'Promote',
      });
      await repo.snapshot();
      expect(repo.headChecks).toBe(1);

      now += 1_000; // a push a second later: checked at once
      repo.markStale();
      // The check starts without waiting for a view.
      expect(repo.headChecks).toBe(2);
      await eventually(() => standIn.requests.count(200, '/git/blobs/') === 1);
      await eventually(async () => (await repo.snapshot()).commitSha === sha);
      expect(repo.headChecks).toBe(2);
      await expect(
        (await repo.snapshot()).kustomization(overlay(7)),
      ).resolves.toMatchObject({ images: [{ newTag: '9' }] });
    });
  });

  describe('listChanges', () => {
    it("lists open pull requests of this repository's branches with the prefix", async () => {
      const { model } = standIn;
      model.createBranch('acme/gitops', 'stageline/checkout/staging');
      model.commit('acme/gitops', {
        branch: 'stageline/checkout/staging',
        files: { [`${overlay(1)}/kustomization.yaml`]: kustomization(1, '2') },
        message: 'Promote',
      });
      const number = model.openPullRequest('acme/gitops', {
        head: 'stageline/checkout/staging',
        title: 'Promote checkout v2 to staging',
        user: 'alice',
      });
      model.createBranch('acme/gitops', 'stageline/payments/qa');
      model.openPullRequest('acme/gitops', {
        head: 'stageline/payments/qa',
        title: 'Other service',
      });
      model.openPullRequest('acme/gitops', {
        head: 'stageline/checkout/production',
        title: 'From a fork',
        user: 'mallory',
        fromFork: true,
      });
      model.createBranch('acme/gitops', 'stageline/checkout/qa');
      model.closePullRequest(
        'acme/gitops',
        model.openPullRequest('acme/gitops', {
          head: 'stageline/checkout/qa',
          title: 'Closed',
        }),
      );

      const { repo } = open();
      await expect(repo.listChanges('stageline/checkout/')).resolves.toEqual([
        {
          kind: 'pull-request',
          title: 'Promote checkout v2 to staging',
          url: `https://github.com/acme/gitops/pull/${number}`,
          number,
          branch: 'stageline/checkout/staging',
          author: 'alice',
          updatedAt: expect.any(String),
          headSha: head('stageline/checkout/staging'),
        },
      ]);
      await expect(repo.listChanges('stageline/')).resolves.toHaveLength(2);
      await expect(repo.listChanges('--all')).resolves.toEqual([]);
      expect(repo.headChecks).toBe(1);
    });

    it('shows a newly opened pull request once marked stale', async () => {
      const { repo } = open();
      await expect(repo.listChanges('stageline/')).resolves.toEqual([]);
      standIn.model.createBranch('acme/gitops', 'stageline/checkout/qa');
      const number = standIn.model.openPullRequest('acme/gitops', {
        head: 'stageline/checkout/qa',
        title: 'Promote',
      });
      await expect(repo.listChanges('stageline/')).resolves.toEqual([]);

      now += 1_000; // a push a second later: checked at once
      repo.markStale();
      await eventually(
        async () => (await repo.listChanges('stageline/')).length === 1,
      );
      await expect(repo.listChanges('stageline/')).resolves.toMatchObject([
        { number, branch: 'stageline/checkout/qa' },
      ]);
      // The head did not move: no tree read.
      expect(standIn.requests.count(undefined, '/git/trees/')).toBe(1);
    });

    it('reads further pages of pull requests up to a bound', async () => {
      standIn.model.createBranch('acme/gitops', 'stageline/checkout/qa');
      for (let i = 0; i < 330; i++) {
        standIn.model.openPullRequest('acme/gitops', {
          head: 'stageline/checkout/qa',
          title: `PR ${i}`,
        });
      }
      const changes = await open().repo.listChanges('stageline/');
      expect(changes).toHaveLength(300);
      expect(changes[0].number).toBe(330);
      expect(standIn.requests.count(200, '/pulls')).toBe(3);
    });
  });

  describe('getPullRequest', () => {
    it.each([
      ['open', false, false],
      ['merged', true, false],
      ['closed', false, true],
    ])('reports a %s pull request', async (state, merge, close) => {
      const { model } = standIn;
      model.createBranch('acme/gitops', 'feature');
      const headSha = model.commit('acme/gitops', {
        branch: 'feature',
        files: { 'a.txt': 'a' },
        message: 'a',
      });
      const number = model.openPullRequest('acme/gitops', {
        head: 'feature',
        title: 'Add a',
        user: 'bob',
      });
      if (merge) model.mergePullRequest('acme/gitops', number);
      if (close) model.closePullRequest('acme/gitops', number);
      await expect(open().repo.getPullRequest(number)).resolves.toEqual({
        number,
        title: 'Add a',
        state,
        author: 'bob',
        headSha,
        updatedAt: expect.any(String),
        url: `https://github.com/acme/gitops/pull/${number}`,
      });
    });

    it('returns undefined for an unknown number, and refuses an invalid one without a request', async () => {
      const { repo } = open();
      await expect(repo.getPullRequest(99)).resolves.toBeUndefined();
      expect(standIn.requests.total).toBe(1);
      for (const number of [0, -1, 1.5, NaN, 2 ** 53]) {
        await expect(repo.getPullRequest(number)).rejects.toThrow(
          expect.objectContaining({ name: 'InputError' }),
        );
      }
      expect(standIn.requests.total).toBe(1);
    });
  });

  describe('compare', () => {
    function history(count: number) {
      const base = head();
      const shas = Array.from({ length: count }, (_, i) =>
        standIn.model.commit('acme/gitops', {
          files: { 'README.md': `v${i}\n` },
          message:
            i === 1
              ? `Merge pull request #${40 + i} from acme/feature`
              : `Change ${i}`,
        }),
      );
      return { base, shas };
    }

    it('lists the commits between two versions newest first, once per pair of SHAs', async () => {
      const { base, shas } = history(3);
      const { repo } = open();
      const comparison = await repo.compare(base, shas[2]);
      expect(comparison.commits.map(c => c.sha)).toEqual([...shas].reverse());
      expect(comparison.commits[1].pullRequest).toEqual({
        number: 41,
        url: 'https://github.com/acme/gitops/pull/41',
      });
      expect(comparison).toMatchObject({
        truncated: false,
        url: `https://github.com/acme/gitops/compare/${base}...${shas[2]}`,
      });
      expect(standIn.requests.total).toBe(1);

      now += 10 * TTL;
      await expect(repo.compare(base, shas[2])).resolves.toEqual(comparison);
      expect(standIn.requests.total).toBe(1);
      // A short SHA could name another commit later: asked again after the TTL.
      await repo.compare(base.slice(0, 7), shas[2]);
      now += TTL;
      await repo.compare(base.slice(0, 7), shas[2]);
      expect(standIn.requests.total).toBe(3);
    });

    it('says when GitHub returned fewer commits than exist', async () => {
      const { base, shas } = history(5);
      const comparison = await open().repo.compare(base, shas[4]);
      expect(comparison.commits.map(c => c.sha)).toEqual(
        shas.slice(0, 3).reverse(),
      );
      expect(comparison.truncated).toBe(true);
    });

    it('throws NotFoundError for an unknown commit, and keeps no failure', async () => {
      const unknown = 'f'.repeat(40);
      const { repo } = open();
      for (let i = 0; i < 2; i++) {
        await expect(repo.compare(head(), unknown)).rejects.toThrow(
          expect.objectContaining({
            name: 'NotFoundError',
            message: `Commit '${head()}' or '${unknown}' not found in acme/gitops`,
          }),
        );
      }
      expect(standIn.requests.count(404, '/compare/')).toBe(2);
    });

    it.each(['main..x', '-p', 'a b', 'HEAD~1:x'])(
      'refuses the ref %j without a request',
      async ref => {
        await expect(open().repo.compare(ref, 'main')).rejects.toThrow(
          expect.objectContaining({ name: 'InputError' }),
        );
        expect(standIn.requests.total).toBe(0);
      },
    );
  });
});
