// This file runs with --experimental-vm-modules, which the lazily imported, ESM-only
// @kubernetes/client-node needs. Under that flag Jest refuses require() of ES modules, and the
// Azure SDK (loaded by @backstage/integration and the default UrlReader, unused here) requires
// an ESM-only https-proxy-agent. Stubbing the two Azure entry points is all it takes.
jest.mock('@azure/identity', () => ({}));
jest.mock('@azure/storage-blob', () => ({}));

import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startKubernetesStandIn } from '@stageline/kubernetes-stand-in';
import type {
  EnvironmentState,
  EnvironmentsResponse,
} from '@stageline/plugin-environments-common';
import * as childProcess from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { applyCheckoutDeployment } from './__testUtils__/integration/applyCheckoutDeployment';
import { applyCheckoutRelease } from './__testUtils__/integration/applyCheckoutRelease';
import { capturedEvents } from './__testUtils__/integration/capturedEvents';
import { checkoutEntity } from './__testUtils__/integration/checkoutEntity';
import { checkoutRepositories } from './__testUtils__/integration/checkoutRepositories';
import { runCheckout } from './__testUtils__/integration/runCheckout';
import type { CheckoutVersion } from './__testUtils__/integration/CheckoutVersion';
import { integrationConfig } from './__testUtils__/integration/integrationConfig';
import { overlayText } from './__testUtils__/integration/overlayText';
import { removeCheckoutRelease } from './__testUtils__/integration/removeCheckoutRelease';
import { waitForWatches } from './__testUtils__/integration/waitForWatches';
import { createTestRemote } from './gitops/local/createTestRemote';
import { eventually } from './kubernetes/__testUtils__/eventually';
import { freePort } from './kubernetes/__testUtils__/freePort';
import { environmentsPlugin } from './plugin';
import { ownerFile } from './ownership/__testUtils__/testOwnershipGuard';
import { closingDatabaseFactory } from './__testUtils__/closingDatabaseFactory';

// Backends start, clone repositories and list the cluster: slower than a unit test.
jest.setTimeout(60_000);

const TOKEN = 'integration-token';
const BASE = '/api/environments/entities/component/default/checkout';
const OVERLAY = (env: string) =>
  `apps/checkout/overlays/${env}/kustomization.yaml`;

type Remote = Awaited<ReturnType<typeof createTestRemote>>;

/** The world outside the backend: a cluster stand-in, a GitOps and a source repository. */
async function createWorld() {
  const root = await mkdtemp(join(tmpdir(), 'environments-integration-'));
  const standIn = await startKubernetesStandIn({ token: TOKEN });
  const { source, gitops, v1, v2 } = await checkoutRepositories(root);
  return {
    root,
    standIn,
    source,
    gitops,
    v1,
    v2,
    config: (clusterUrl = standIn.url) =>
      integrationConfig({
        clusterUrl,
        token: TOKEN,
        gitopsUrl: gitops.url,
        sourceUrl: source.url,
        clonesDirectory: join(root, 'clones'),
      }),
    async dispose() {
      await standIn.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function commitOverlays(
  gitops: Remote,
  versions: Record<string, CheckoutVersion>,
) {
  const files = Object.fromEntries([
    ...Object.entries(versions).map(([env, v]) => [
      OVERLAY(env),
      overlayText(env, v),
    ]),
    // Only checkout may read and promote its overlays, and read commits of acme/checkout.
    ownerFile(stringifyEntityRef(checkoutEntity), {
      overlaysPath: 'apps/checkout/overlays',
      sourceRepository: 'acme/checkout',
    }),
  ]);
  return gitops.commit(files, `Overlays: ${Object.keys(versions).join(', ')}`);
}

const backends: Array<{ stop(): Promise<void> }> = [];

// Stopped before their world goes, so no clone or watch runs while its files are removed.
async function stopBackends() {
  await Promise.all(backends.splice(0).map(b => b.stop()));
}

async function startBackend(
  config: object,
  extra: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  const backend = await startTestBackend({
    features: [
      closingDatabaseFactory,
      environmentsPlugin,
      catalogServiceMock.factory({ entities: [checkoutEntity] }),
      mockServices.rootConfig.factory({ data: config }),
      ...(extra ?? []),
    ],
  });
  backends.push(backend);
  return backend.server;
}

async function getChain(server: unknown): Promise<EnvironmentsResponse> {
  const res = await request(server as Parameters<typeof request>[0])
    .get(`${BASE}/environments`)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body;
}

const byName = (body: EnvironmentsResponse, name: string): EnvironmentState =>
  body.environments.find(e => e.name === name)!;

describe('environments plugin against a cluster stand-in and real Git repositories', () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let server: unknown;
  const events = capturedEvents();

  beforeAll(async () => {
    world = await createWorld();
    const { standIn, gitops, v1, v2 } = world;
    await commitOverlays(gitops, { qa: v2, staging: v1, production: v1 });
    runCheckout(standIn, 'qa', v2);
    runCheckout(standIn, 'staging', v1);
    runCheckout(standIn, 'production', v1);
    runCheckout(standIn, 'feature-pr-7', v2);
    server = await startBackend(world.config(), [events.feature]);
  });

  afterAll(async () => {
    await stopBackends();
    await world?.dispose();
  });

  it('shows the version Git declares and the one the cluster runs, in sync', async () => {
    const { v1, v2 } = world;
    const body = await eventually(async () => {
      const chain = await getChain(server);
      expect(chain.environments.map(e => e.sync.status)).toEqual([
        'in-sync',
        'in-sync',
        'in-sync',
      ]);
      return chain;
    }, 10_000);

    const qa = byName(body, 'qa');
    expect(qa.errors).toEqual([]);
    expect(qa.desired).toMatchObject({
      path: OVERLAY('qa'),
      image: { tag: v2.tag, digest: v2.digest },
      revision: await world.gitops.git('rev-parse', 'HEAD'),
    });
    expect(qa.live).toMatchObject({
      cluster: 'local',
      namespace: 'qa',
      image: { tag: v2.tag, digest: v2.digest },
      digests: [v2.digest],
      rollout: 'complete',
      health: 'healthy',
    });
    expect(byName(body, 'staging').live?.digests).toEqual([v1.digest]);
    // staging runs v1 after qa's v2; production runs staging's very bits.
    expect(byName(body, 'staging').sameBitsAsUpstream).toBe(false);
    expect(byName(body, 'production').sameBitsAsUpstream).toBe(true);
  });

  it('serves warm views from memory: no git process, the same answer', async () => {
    const first = await getChain(server);
    const spawn = jest.spyOn(childProcess, 'spawn');
    try {
      for (let i = 0; i < 20; i++) {
        expect(await getChain(server)).toMatchObject({
          environments: first.environments.map(e => ({
            desired: e.desired,
          })),
        });
      }
      expect(spawn).not.toHaveBeenCalled();
    } finally {
      spawn.mockRestore();
    }
  });

  it('sees a promotion commit as waiting for sync (not drift), then the rollout, then in sync again', async () => {
    const { standIn, gitops, v1, v2 } = world;
    await gitops.commit(
      { [OVERLAY('staging')]: overlayText('staging', v2) },
      'Promote',
    );
    // Within the hour-long cacheTtl, only the push event makes the commit show.
    expect(
      byName(await getChain(server), 'staging').desired?.image?.digest,
    ).toBe(v1.digest);
    await events.publishPush('acme/gitops');

    const waiting = await eventually(async () => {
      const staging = byName(await getChain(server), 'staging');
      expect(staging.desired?.image?.digest).toBe(v2.digest);
      return staging;
    }, 5_000);
    // Git moved after the cluster's version started: the agent has not applied it yet.
    expect(waiting.sync.status).toBe('waiting-for-sync');
    expect(waiting.sync.since).toBe(waiting.desired?.changedAt);
    expect(waiting.sync.reason).toContain(
      `the cluster still runs ${v1.tag.slice(0, 7)}`,
    );

    // The Deployment controller starts the new ReplicaSet; its pods are not ready yet.
    applyCheckoutDeployment(standIn, {
      namespace: 'staging',
      version: v2,
      updated: 1,
    });
    applyCheckoutRelease(standIn, {
      namespace: 'staging',
      version: v2,
      revision: 2,
      ready: false,
      pods: 1,
    });
    const rolling = await eventually(async () => {
      const staging = byName(await getChain(server), 'staging');
      expect(staging.sync.status).toBe('rolling-out');
      return staging;
    });
    expect(rolling.sync.reason).toMatch(
      /^Rolling out .*: 1\/2 updated, 2 available$/,
    );
    expect(rolling.live?.health).toBe('progressing');

    // Done: new pods ready, the old ReplicaSet and its pods gone.
    applyCheckoutDeployment(standIn, { namespace: 'staging', version: v2 });
    applyCheckoutRelease(standIn, {
      namespace: 'staging',
      version: v2,
      revision: 2,
      ready: true,
    });
    removeCheckoutRelease(standIn, { namespace: 'staging', revision: 1 });
    const done = await eventually(async () => {
      const chain = await getChain(server);
      expect(byName(chain, 'staging').sync.status).toBe('in-sync');
      expect(byName(chain, 'staging').live?.digests).toEqual([v2.digest]);
      return chain;
    });
    expect(byName(done, 'staging').sameBitsAsUpstream).toBe(true);
    expect(byName(done, 'production').sameBitsAsUpstream).toBe(false);
  });

  it('lists the preview namespaces that run the service', async () => {
    const res = await request(server as Parameters<typeof request>[0])
      .get(`${BASE}/previews`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.previews).toMatchObject([
      {
        namespace: 'feature-pr-7',
        pullRequest: { number: 7 },
        live: { digests: [world.v2.digest] },
      },
    ]);
  });

  it('lists the source commits between two versions', async () => {
    const { v1, v2 } = world;
    const res = await request(server as Parameters<typeof request>[0])
      .get(`${BASE}/diff`)
      .query({ from: v1.tag, to: v2.tag })
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: v1.tag,
      to: v2.tag,
      truncated: false,
    });
    expect(res.body.commits.map((c: { sha: string }) => c.sha)).toEqual([
      v2.tag,
    ]);
  });
});

describe('environments plugin when an annotation names a repository config does not allow', () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  const hostile = {
    credentials: 'https://alice:s3cret-pass@127.0.0.1:9/x.git',
    'file-url': 'file:///etc',
    'local-path': '/var/lib/secret-repo',
    'ext-transport': 'ext::sh -c touch% /tmp/pwned',
    'option-like': '--upload-pack=touch /tmp/pwned',
    'other-host': 'https://internal.example/acme/gitops.git',
  };
  const entities = Object.entries(hostile).map(([name, repo]) => ({
    ...checkoutEntity,
    metadata: {
      ...checkoutEntity.metadata,
      name,
      annotations: {
        ...checkoutEntity.metadata.annotations,
        'stageline.io/gitops-repo': repo,
        'github.com/project-slug': repo,
      },
    },
  }));

  beforeAll(async () => {
    world = await createWorld();
    await commitOverlays(world.gitops, { qa: world.v1 });
  });

  afterAll(async () => {
    await stopBackends();
    await world?.dispose();
  });

  it.each(Object.keys(hostile))(
    'refuses %s before any fetch, naming the annotation, echoing no secret or path',
    async name => {
      const backend = await startTestBackend({
        features: [
          closingDatabaseFactory,
          environmentsPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({ data: world.config() }),
        ],
      });
      backends.push(backend);
      const res = await request(backend.server)
        .get(
          `/api/environments/entities/component/default/${name}/environments`,
        )
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      for (const env of res.body.environments as EnvironmentState[]) {
        expect(env.errors).toContainEqual({
          source: 'git',
          message: expect.stringContaining("'stageline.io/gitops-repo'"),
        });
      }
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('s3cret-pass');
      expect(text).not.toContain('/var/lib');
      expect(text).not.toContain(world.root);
      const diff = await request(backend.server)
        .get(`/api/environments/entities/component/default/${name}/diff`)
        .query({ from: world.v1.tag, to: world.v2.tag })
        .set('Authorization', mockCredentials.user.header());
      expect(diff.status).toBe(403);
      expect(JSON.stringify(diff.body)).not.toContain('s3cret-pass');
      const clones = join(world.root, 'clones');
      expect(existsSync(clones) ? readdirSync(clones) : []).toEqual([]);
    },
  );
});

describe('environments plugin when the policy denies environments.read', () => {
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    world = await createWorld();
    await commitOverlays(world.gitops, { qa: world.v1 });
    runCheckout(world.standIn, 'qa', world.v1);
  });

  afterAll(async () => {
    await stopBackends();
    await world?.dispose();
  });

  it('answers 403 without reading the cluster or Git', async () => {
    const server = await startBackend(world.config(), [
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    await waitForWatches(world.standIn);
    world.standIn.resetRequestCount();

    for (const path of [
      'environments',
      'previews',
      'diff?from=abcdef1&to=abcdef2',
    ]) {
      const res = await request(server)
        .get(`${BASE}/${path}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
    }
    expect(world.standIn.requestCount()).toBe(0);
    // No clone or fetch of either repository happened.
    expect(existsSync(join(world.root, 'clones'))).toBe(false);
  });
});

describe('environments plugin when the cluster cannot be reached', () => {
  let world: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    world = await createWorld();
    await commitOverlays(world.gitops, { qa: world.v2, staging: world.v1 });
  });

  afterAll(async () => {
    await stopBackends();
    await world?.dispose();
  });

  it('still answers with Git state and a reason per environment', async () => {
    const server = await startBackend(
      world.config(`http://127.0.0.1:${await freePort()}`),
    );
    const body = await getChain(server);
    const qa = byName(body, 'qa');
    expect(qa.desired?.image?.tag).toBe(world.v2.tag);
    expect(qa.sync.status).toBe('unknown');
    for (const env of body.environments) {
      expect(env.errors).toContainEqual({
        source: 'cluster',
        message: expect.stringMatching(/cluster 'local'/),
      });
    }
    // production has no overlay in this repository: a Git reason besides.
    expect(byName(body, 'production').errors).toContainEqual({
      source: 'git',
      message: expect.any(String),
    });
  });
});
