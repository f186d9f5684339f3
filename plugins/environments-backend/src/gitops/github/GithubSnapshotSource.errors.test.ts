import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { KUSTOMIZATION_MAX_BYTES } from '@stageline/plugin-environments-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { gzipSync } from 'node:zlib';
import { createGithubStandIn } from './__testUtils__/createGithubStandIn';
import type { GithubStandIn } from './__testUtils__/GithubStandIn';
import { ReadThroughCache } from '../snapshot/ReadThroughCache';
import { ParsedFiles } from '../snapshot/ParsedFiles';
import { SnapshotRepository } from '../snapshot/SnapshotRepository';
import { testGithubSource } from './testGithubSource';

// One request and the three retries the client makes of a failed read.
const RETRIED = 4;
const TOKEN = 'ghp_canary0123456789secret';
const TTL = 30_000;
const QA = 'k8s/overlays/qa';

const server = setupServer();
registerMswTestHooks(server);

let standIn: GithubStandIn;
let now: number;
/** Every error a test saw. */
let errors: unknown[];

beforeEach(() => {
  now = 1_000_000;
  errors = [];
  standIn = createGithubStandIn({ token: TOKEN });
  server.use(...standIn.handlers);
  standIn.model.addRepo('acme/gitops', {
    files: {
      [`${QA}/kustomization.yaml`]: 'images:\n  - name: app\n    newTag: "1"\n',
      'k8s/overlays/staging/kustomization.yaml': 'images: []\n',
    },
  });
});

function open(
  options: { token?: string; fullName?: string; branch?: string } = {},
) {
  const logger = mockServices.logger.mock();
  const parsed = new ParsedFiles();
  const repo = new SnapshotRepository({
    source: testGithubSource({ token: TOKEN, ...options }),
    parsed,
    comparisons: new ReadThroughCache({ ttlMs: TTL, now: () => now }),
    ttlMs: TTL,
    now: () => now,
    logger,
  });
  return { repo, logger, parsed };
}

/** The error `promise` rejects with, checked for the token. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => {
      throw new Error('Expected a failure');
    },
    e => e,
  );
  errors.push(error);
  const { message, stack } = error as Error;
  expect(`${message}\n${stack}\n${JSON.stringify(error)}`).not.toContain(TOKEN);
  return error;
}

async function eventually(check: () => boolean | Promise<boolean>) {
  const deadline = Date.now() + 3_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise(r => setTimeout(r, 2));
  }
}

/** More than 8 kustomizations: the first read downloads the tarball. */
function addOverlays() {
  const files: Record<string, string> = {};
  for (let i = 0; i < 10; i++) {
    files[`k8s/overlays/env-${i}/kustomization.yaml`] = `images: []\n#${i}\n`;
  }
  standIn.model.commit('acme/gitops', { files, message: 'more' });
}

const head = () => standIn.model.repo('acme/gitops')!.branches.get('main')!;

describe('SnapshotRepository over GithubSnapshotSource: failures and refusals', () => {
  it('reports a missing repository by its name', async () => {
    const error = await failure(
      open({ fullName: 'acme/nope' }).repo.snapshot(),
    );
    expect(error).toMatchObject({
      name: 'NotFoundError',
      message: 'acme/nope not found on GitHub',
    });
  });

  it('reports a missing branch by its name', async () => {
    const error = await failure(open({ branch: 'nope' }).repo.snapshot());
    expect(error).toMatchObject({
      name: 'NotFoundError',
      message: "Branch 'nope' of acme/gitops not found on GitHub",
    });
  });

  it('refuses a branch that is not a branch name before any request', () => {
    expect(() => open({ branch: '--upload-pack=x' })).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
    expect(standIn.requests.total).toBe(0);
  });

  it('reports rejected credentials without the token', async () => {
    const { repo } = open({ token: 'ghp_wrongcanary' });
    const error = await failure(repo.snapshot());
    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'GitHub rejected the configured credentials while reading acme/gitops (401); check the GitHub integration',
    });
    expect(JSON.stringify(error)).not.toContain('ghp_wrongcanary');
    expect(error.message).not.toContain('ghp_wrongcanary');
  });

  it('reports a rate limit with its reset time, and sends nothing until then', async () => {
    const resetAt = new Date(Date.now() + 120_000);
    standIn.failNext({ kind: 'primary-rate-limit', resetAt });
    const { repo } = open();
    const reset = new Date(Math.floor(resetAt.getTime() / 1000) * 1000);

    const error = await failure(repo.snapshot());
    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        `GitHub rate limit reached; retry after ${reset.toISOString()}`,
      ),
    });
    await expect(repo.snapshot()).rejects.toBe(error);
    // Past the repository's TTL the client still refuses to send before the reset.
    now += TTL;
    await expect(failure(repo.snapshot())).resolves.toMatchObject({
      message: expect.stringContaining('GitHub rate limit reached'),
    });
    expect(standIn.requests.total).toBe(1);
  });

  it('remembers a failed first read for the TTL, then reads again', async () => {
    // The client retries a failed read three times before the error counts.
    standIn.failNext({ kind: 'status', status: 502 }, { times: RETRIED });
    const { repo } = open();
    const error = await failure(repo.snapshot());
    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'GitHub answered 502 while reading acme/gitops',
    });
    now += TTL - 1;
    await expect(repo.snapshot()).rejects.toBe(error);
    await expect(repo.listChanges('stageline/')).rejects.toBe(error);
    expect(standIn.requests.total).toBe(RETRIED);

    now += 1;
    await expect(repo.snapshot()).resolves.toMatchObject({ commitSha: head() });
    expect(repo.headChecks).toBe(2);
  });

  it('reads again at once when marked stale after a failure (a push)', async () => {
    standIn.failNext({ kind: 'network-error' }, { times: RETRIED });
    const { repo } = open();
    const error = await failure(repo.snapshot());
    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'GitHub unreachable while reading acme/gitops',
    });
    repo.markStale();
    await expect(repo.snapshot()).resolves.toMatchObject({ commitSha: head() });
  });

  it.each([
    ['the tree', '/git/trees/'],
    ['the tarball', '/tarball/'],
    ['the download', '/_codeload/'],
  ])(
    'fails the first read when %s fails, and keeps nothing of it',
    async (_, path) => {
      addOverlays();
      standIn.failNext(
        { kind: 'status', status: 500 },
        { path, times: RETRIED },
      );
      const { repo } = open();
      const error = await failure(repo.snapshot());
      expect(error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: 'GitHub answered 500 while reading acme/gitops',
      });
      now += TTL;
      const snapshot = await repo.snapshot();
      await expect(
        snapshot.kustomization('k8s/overlays/env-9'),
      ).resolves.toMatchObject({ images: [] });
      expect(standIn.requests.count(undefined, '/git/blobs/')).toBe(0);
    },
  );

  const NO_ARCHIVE =
    /^GitHub sent no archive for acme\/gitops at [0-9a-f]{40}$/;
  it.each([
    ['JSON', () => HttpResponse.json({ message: 'Moved' }), NO_ARCHIVE],
    ['a web page', () => HttpResponse.html('<html>Sign in</html>'), NO_ARCHIVE],
    [
      'not a tar archive',
      () =>
        new HttpResponse(gzipSync(Buffer.alloc(1024, 7)), {
          headers: { 'content-type': 'application/x-gzip' },
        }),
      /^Could not read the repository archive: .*checksum failure$/,
    ],
  ])(
    'fails the first read with ServiceUnavailableError when the download is %s',
    async (_, answer, message) => {
      addOverlays();
      server.use(
        http.get('https://codeload.github.com/*', answer, { once: true }),
      );
      const { repo } = open();
      await expect(failure(repo.snapshot())).resolves.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(message),
      });
      now += TTL;
      await expect(repo.snapshot()).resolves.toMatchObject({
        commitSha: head(),
      });
    },
  );

  it('refuses a tree GitHub truncated', async () => {
    standIn.failNext(
      {
        kind: 'status',
        status: 200,
        body: { sha: 'a'.repeat(40), url: 'x', tree: [], truncated: true },
      },
      { path: '/git/trees/' },
    );
    const error = await failure(open().repo.snapshot());
    expect(error).toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'acme/gitops has more files than GitHub lists in one tree',
      ),
    });
  });

  it('keeps serving the previous snapshot when a background refresh fails', async () => {
    const { repo, logger } = open();
    const before = await repo.snapshot();
    const old = before.commitSha;
    const sha = standIn.model.commit('acme/gitops', {
      files: { [`${QA}/kustomization.yaml`]: 'images: []\n' },
      message: 'Promote',
    });
    standIn.failNext(
      { kind: 'status', status: 502 },
      { path: '/git/trees/', times: RETRIED },
    );
    standIn.requests.clear();
    now += TTL;

    await expect(repo.snapshot()).resolves.toBe(before);
    await eventually(() => standIn.requests.count(502) === RETRIED);
    await eventually(() => logger.warn.mock.calls.length === 1);
    expect(logger.warn.mock.calls[0]).toEqual([
      'Could not refresh a GitOps repository; serving its last snapshot',
      {
        repository: 'acme/gitops',
        commit: old.slice(0, 7),
        error:
          'ServiceUnavailableError: GitHub answered 502 while reading acme/gitops',
      },
    ]);
    // Within the TTL of the failed check: the previous snapshot, no request.
    await expect(repo.snapshot()).resolves.toBe(before);
    await expect(repo.listChanges('')).resolves.toEqual([]);
    await expect(before.kustomization(QA)).resolves.toMatchObject({
      images: [{ name: 'app', newTag: '1' }],
    });
    expect(standIn.requests.total).toBe(2 + RETRIED);

    now += TTL;
    await repo.snapshot();
    await eventually(async () => (await repo.snapshot()).commitSha === sha);
    await expect(
      (await repo.snapshot()).kustomization(QA),
    ).resolves.toMatchObject({ images: [] });
  });

  it.each([403, 422, 500])(
    'never echoes request details or the upstream body (%s)',
    async status => {
      standIn.failNext(
        { kind: 'status', status, body: { message: `leaked ${TOKEN}` } },
        { times: RETRIED },
      );
      const error = await failure(open().repo.snapshot());
      expect(error.message).not.toContain('leaked');
      expect(error.message).not.toContain('api.github.com');
      expect((error as { cause?: unknown }).cause).toBeUndefined();
    },
  );

  it('never puts the token in messages of failed compares and pull requests', async () => {
    const { repo } = open();
    standIn.failNext(
      { kind: 'status', status: 500, body: { message: TOKEN } },
      { times: 2 * RETRIED },
    );
    await failure(repo.compare(head(), 'f'.repeat(40)));
    await failure(repo.getPullRequest(1));
    expect(errors.map(e => (e as Error).name)).toEqual([
      'ServiceUnavailableError',
      'ServiceUnavailableError',
    ]);
  });

  describe('kustomization refuses', () => {
    it.each([
      [
        'symlink',
        { type: 'symlink' as const, target: '../qa/kustomization.yaml' },
      ],
      [
        'submodule',
        {
          type: 'submodule' as const,
          url: 'https://github.com/acme/x.git',
          sha: 'a'.repeat(40),
        },
      ],
    ])('refuses a %s without reading it', async (kind, entry) => {
      standIn.model.commit('acme/gitops', {
        files: { 'k8s/overlays/production/kustomization.yaml': entry },
        message: kind,
      });
      const snapshot = await open().repo.snapshot();
      const total = standIn.requests.total;
      await expect(
        snapshot.kustomization('k8s/overlays/production'),
      ).rejects.toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: `'k8s/overlays/production/kustomization.yaml' in acme/gitops is a ${kind}, an unsupported file type: Stageline reads regular files only`,
        }),
      );
      expect(standIn.requests.total).toBe(total);
    });

    it.each([
      ['symlink', { type: 'symlink' as const, target: 'qa' }],
      [
        'submodule',
        {
          type: 'submodule' as const,
          url: 'https://github.com/acme/x.git',
          sha: 'b'.repeat(40),
        },
      ],
    ])(
      'never follows a %s standing for an overlay folder',
      async (kind, entry) => {
        standIn.model.commit('acme/gitops', {
          files: { 'k8s/overlays/production': entry },
          message: kind,
        });
        const snapshot = await open().repo.snapshot();
        await expect(
          snapshot.kustomization('k8s/overlays/production'),
        ).rejects.toThrow(
          `'k8s/overlays/production' in acme/gitops is a ${kind}, not a folder (Stageline does not follow symlinks)`,
        );
        expect(() => snapshot.listFolder('k8s/overlays/production')).toThrow(
          /does not follow symlinks/,
        );
        await expect(
          snapshot.kustomization('k8s/overlays/production/qa'),
        ).rejects.toThrow(
          `'k8s/overlays/production' in acme/gitops is a ${kind}, not a folder`,
        );
      },
    );

    it('refuses several candidates, a folder and an oversized file', async () => {
      standIn.model.commit('acme/gitops', {
        files: {
          'k8s/overlays/two/kustomization.yaml': 'images: []\n',
          'k8s/overlays/two/kustomization.yml': 'images: []\n# other\n',
          'k8s/overlays/folder/kustomization.yaml/x': 'x\n',
          'k8s/overlays/big/kustomization.yaml': `# ${'x'.repeat(
            KUSTOMIZATION_MAX_BYTES,
          )}\n`,
        },
        message: 'hostile',
      });
      const { repo, parsed } = open();
      const snapshot = await repo.snapshot();
      const total = standIn.requests.total;
      const parses = parsed.parses;
      await expect(snapshot.kustomization('k8s/overlays/two')).rejects.toThrow(
        expect.objectContaining({
          name: 'InputError',
          message:
            "Overlay folder 'k8s/overlays/two' in acme/gitops has several kustomization files (kustomization.yaml, kustomization.yml); keep exactly one",
        }),
      );
      await expect(
        snapshot.kustomization('k8s/overlays/folder'),
      ).rejects.toThrow(/is a folder, an unsupported file type/);
      await expect(snapshot.kustomization('k8s/overlays/big')).rejects.toThrow(
        `is larger than ${KUSTOMIZATION_MAX_BYTES} bytes`,
      );
      expect(standIn.requests.total).toBe(total);
      expect(parsed.parses).toBe(parses);
    });

    it('refuses invalid YAML, parsed once for every view and every later snapshot', async () => {
      const invalid = 'images:\n  - name: app\n  newTag: [\n';
      standIn.model.commit('acme/gitops', {
        files: { 'k8s/overlays/broken/kustomization.yaml': invalid },
        message: 'broken',
      });
      const { repo, parsed } = open();
      const snapshot = await repo.snapshot();
      const parses = parsed.parses;
      expect(parses).toBe(3);
      for (let i = 0; i < 2; i++) {
        await expect(
          snapshot.kustomization('k8s/overlays/broken'),
        ).rejects.toThrow(
          expect.objectContaining({
            name: 'InputError',
            message: expect.stringMatching(
              /^'k8s\/overlays\/broken\/kustomization.yaml' in acme\/gitops: kustomization is not valid YAML/,
            ),
          }),
        );
      }
      expect(parsed.parses).toBe(parses);

      standIn.model.commit('acme/gitops', {
        files: { 'README.md': 'moved on\n' },
        message: 'docs',
      });
      standIn.requests.clear();
      now += 1_000; // a push a second later: checked at once
      repo.markStale();
      await eventually(
        async () => (await repo.snapshot()).commitSha === head(),
      );
      await expect(
        (await repo.snapshot()).kustomization('k8s/overlays/broken'),
      ).rejects.toThrow(/not valid YAML/);
      expect(parsed.parses).toBe(parses);
      expect(standIn.requests.count(undefined, '/git/blobs/')).toBe(0);
    });
  });
});
