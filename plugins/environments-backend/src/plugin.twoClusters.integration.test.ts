// Runs with --experimental-vm-modules (see scripts/test.sh), which the lazily imported, ESM-only
// @kubernetes/client-node needs; the Azure SDK entry points are stubbed for the reason given in
// plugin.integration.test.ts.
jest.mock('@azure/identity', () => ({}));
jest.mock('@azure/storage-blob', () => ({}));

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  EnvironmentState,
  EnvironmentsResponse,
  Promotion,
} from '@stageline/plugin-environments-common';
import request from 'supertest';
import { applyCheckoutDeployment } from './__testUtils__/integration/applyCheckoutDeployment';
import { applyCheckoutRelease } from './__testUtils__/integration/applyCheckoutRelease';
import { capturedScheduler } from './__testUtils__/integration/capturedScheduler';
import { checkoutEntity } from './__testUtils__/integration/checkoutEntity';
import { exposeCheckout } from './__testUtils__/integration/exposeCheckout';
import { removeCheckoutRelease } from './__testUtils__/integration/removeCheckoutRelease';
import {
  MAIN_CLUSTER,
  PROD_CLUSTER,
} from './__testUtils__/integration/twoClusterConfig';
import {
  checkoutOverlay,
  createTwoClusterWorld,
  seedTwoClusterWorld,
  type TwoClusterWorld,
} from './__testUtils__/integration/twoClusterWorld';
import { eventually } from './kubernetes/__testUtils__/eventually';
import { freePort } from './kubernetes/__testUtils__/freePort';
import { environmentsPlugin } from './plugin';
import { closingDatabaseFactory } from './__testUtils__/closingDatabaseFactory';

// Two clusters, two repositories and a backend start per suite: slower than a unit test.
jest.setTimeout(90_000);

const BASE = '/api/environments/entities/component/default/checkout';
const ADVANCE_TASK = 'environments-advance-promotions';

const backends: Array<{ stop(): Promise<void> }> = [];

async function startBackend(config: object) {
  const scheduler = capturedScheduler();
  const backend = await startTestBackend({
    features: [
      closingDatabaseFactory,
      environmentsPlugin,
      catalogServiceMock.factory({ entities: [checkoutEntity] }),
      mockServices.rootConfig.factory({ data: config }),
      scheduler.feature,
    ],
  });
  backends.push(backend);
  return {
    server: backend.server as Parameters<typeof request>[0],
    /** One run of the task that moves promotions on, as the scheduler does every 5 seconds. */
    advancePromotions: () => scheduler.trigger(ADVANCE_TASK),
  };
}

async function getChain(
  server: Parameters<typeof request>[0],
): Promise<EnvironmentsResponse> {
  const res = await request(server)
    .get(`${BASE}/environments`)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body;
}

const byName = (body: EnvironmentsResponse, name: string): EnvironmentState =>
  body.environments.find(e => e.name === name)!;

const clusterErrors = (env: EnvironmentState) =>
  env.errors.filter(e => e.source === 'cluster');

async function mainHead(world: TwoClusterWorld, path: string) {
  await world.gitops.git('fetch', '--quiet', 'origin');
  return world.gitops.git('show', `origin/main:${path}`);
}

describe('a chain whose production runs on a cluster of its own', () => {
  let world: TwoClusterWorld;
  let backend: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    world = await createTwoClusterWorld();
    await seedTwoClusterWorld(world);
    exposeCheckout(world.main, {
      namespace: 'staging',
      host: 'checkout.staging.example.com',
      kind: 'Ingress',
    });
    exposeCheckout(world.prod, {
      namespace: 'production',
      host: 'checkout.example.com',
      kind: 'IngressRoute',
    });
    // The decoy production namespace on `main` is exposed too; it must not show.
    exposeCheckout(world.main, {
      namespace: 'production',
      host: 'checkout.wrong-cluster.example.com',
      kind: 'Ingress',
    });
    backend = await startBackend(world.config());
  });

  afterAll(async () => {
    await Promise.all(backends.splice(0).map(b => b.stop()));
    await world?.dispose();
  });

  it('reads each environment’s live state and URLs from its own cluster', async () => {
    const { v1, v2 } = world;
    const body = await eventually(async () => {
      const chain = await getChain(backend.server);
      expect(chain.environments.map(e => e.sync.status)).toEqual([
        'in-sync',
        'in-sync',
        'in-sync',
      ]);
      return chain;
    }, 15_000);

    const staging = byName(body, 'staging');
    const production = byName(body, 'production');
    expect(staging).toMatchObject({
      cluster: MAIN_CLUSTER,
      live: { cluster: MAIN_CLUSTER, digests: [v2.digest] },
      urls: ['https://checkout.staging.example.com/'],
      errors: [],
    });
    expect(production).toMatchObject({
      cluster: PROD_CLUSTER,
      live: { cluster: PROD_CLUSTER, digests: [v1.digest] },
      urls: ['https://checkout.example.com/'],
      errors: [],
    });
    expect(byName(body, 'qa').urls).toEqual([]);
    // production on `prod` runs v1 while staging on `main` runs v2.
    expect(production.sameBitsAsUpstream).toBe(false);
  });

  it('fills each environment’s links with its own namespace and cluster', async () => {
    const body = await getChain(backend.server);
    expect(byName(body, 'staging').links).toEqual([
      {
        title: 'Logs',
        url: `https://grafana.example.com/explore?cluster=${MAIN_CLUSTER}&namespace=staging&app=checkout`,
      },
    ]);
    expect(byName(body, 'production').links).toEqual([
      {
        title: 'Logs',
        url: `https://grafana.example.com/explore?cluster=${PROD_CLUSTER}&namespace=production&app=checkout`,
      },
      {
        title: 'Dashboard',
        url: 'https://grafana.example.com/d/checkout-production',
      },
    ]);
  });

  it('plans staging (main) to production (prod) from staging’s cluster, with production’s gates', async () => {
    const { v2 } = world;
    const readiness = byName(await getChain(backend.server), 'production')
      .promotion!;
    expect(readiness).toMatchObject({
      source: 'staging',
      target: 'production',
      version: { tag: v2.tag, digest: v2.digest },
      ready: true,
      protected: true,
      mode: 'commit',
      approvalsRequired: 0,
    });
    expect(readiness.gates.filter(g => !g.passed)).toEqual([]);
    expect(readiness.gates.map(g => g.id)).toEqual(
      expect.arrayContaining([
        'source-healthy',
        'soak-time',
        'digest-verified',
        'no-promotion-in-flight',
      ]),
    );
    const soak = readiness.gates.find(g => g.id === 'soak-time')!;
    expect(soak.reason).toContain('1h');
    const verified = readiness.gates.find(g => g.id === 'digest-verified')!;
    expect(verified.reason).toContain('staging declares and runs');
  });

  it('commits the promotion into production, waits for cluster prod, then succeeds', async () => {
    const { v1, v2, prod } = world;
    const created = await request(backend.server)
      .post(`${BASE}/promotions`)
      .set('Authorization', mockCredentials.user.header())
      .send({ target: 'production', reason: 'Weekly release' });
    expect(created.status).toBe(201);
    const id = (created.body as Promotion).id;

    // The commit lands on main of the real remote, changing production's overlay only.
    await eventually(async () => {
      const overlay = await mainHead(world, checkoutOverlay('production'));
      expect(overlay).toContain(v2.digest);
    }, 15_000);
    expect(await mainHead(world, checkoutOverlay('staging'))).toContain(
      v2.digest,
    );
    const promotion = await eventually(async () => {
      const res = await request(backend.server)
        .get(`/api/environments/promotions/${id}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.body.state).toBe('rolling-out');
      return res.body as Promotion;
    }, 10_000);
    expect(promotion).toMatchObject({
      source: 'staging',
      target: 'production',
      mode: 'commit',
      links: {
        commit: { sha: await world.gitops.git('rev-parse', 'origin/main') },
      },
    });
    // Git is ahead of cluster prod, which still runs v1: waiting for the agent, not drift. The
    // write marks the snapshot stale; the read that notices answers the last snapshot while it
    // reads the new head, so the next reads show the commit.
    const waiting = await eventually(async () => {
      const production = byName(await getChain(backend.server), 'production');
      expect(production.sync.status).toBe('waiting-for-sync');
      return production;
    }, 10_000);
    expect(waiting.live?.digests).toEqual([v1.digest]);

    // The GitOps agent on `prod` applies it: a new ReplicaSet runs v2, the old one goes.
    applyCheckoutDeployment(prod, { namespace: 'production', version: v2 });
    applyCheckoutRelease(prod, {
      namespace: 'production',
      version: v2,
      revision: 2,
      ready: true,
    });
    removeCheckoutRelease(prod, { namespace: 'production', revision: 1 });

    await eventually(async () => {
      await backend.advancePromotions();
      const res = await request(backend.server)
        .get(`/api/environments/promotions/${id}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.body.state).toBe('succeeded');
    }, 15_000);
    const done = byName(await getChain(backend.server), 'production');
    expect(done.sync.status).toBe('in-sync');
    expect(done.live).toMatchObject({
      cluster: PROD_CLUSTER,
      digests: [v2.digest],
    });
    expect(done.sameBitsAsUpstream).toBe(true);
  });
});

describe('a two-cluster chain when production’s cluster cannot be reached', () => {
  let world: TwoClusterWorld;
  let backend: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    world = await createTwoClusterWorld();
    await seedTwoClusterWorld(world);
    backend = await startBackend(
      world.config(`http://127.0.0.1:${await freePort()}`),
    );
  });

  afterAll(async () => {
    await Promise.all(backends.splice(0).map(b => b.stop()));
    await world?.dispose();
  });

  it('reports the cluster error on production only; qa and staging read theirs', async () => {
    const body = await eventually(async () => {
      const chain = await getChain(backend.server);
      expect(byName(chain, 'staging').sync.status).toBe('in-sync');
      return chain;
    }, 15_000);

    for (const name of ['qa', 'staging']) {
      const env = byName(body, name);
      expect(env.sync.status).toBe('in-sync');
      expect(clusterErrors(env)).toEqual([]);
      expect(env.live?.cluster).toBe(MAIN_CLUSTER);
    }
    // qa -> staging is planned from `main` alone: no gate mentions the other cluster.
    expect(
      JSON.stringify(byName(body, 'staging').promotion?.gates),
    ).not.toContain(`'${PROD_CLUSTER}'`);

    const production = byName(body, 'production');
    expect(production.sync.status).toBe('unknown');
    expect(clusterErrors(production)).toEqual([
      {
        source: 'cluster',
        message: expect.stringContaining(`cluster '${PROD_CLUSTER}'`),
      },
    ]);
    // What Git declares is still read; URLs are unknown, configured links still shown.
    expect(production.desired?.image?.digest).toBe(world.v1.digest);
    expect(production).not.toHaveProperty('urls');
    expect(production.links?.map(l => l.title)).toEqual(['Logs', 'Dashboard']);
  });
});
