import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { promotionRoutes } from './__testUtils__/promotionRoutes';
import { registerActions } from './actions/registerActions';
import { PreviewService } from './previews/PreviewService';
import { FakeClusters } from './previews/__testUtils__/FakeClusters';
import { service } from './previews/__testUtils__/previewFixture';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  BOB,
  CHECKOUT,
} from './promotions/__testUtils__/promotionWorld';
import { CallerBudget } from './authorization/CallerBudget';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const entity = '/entities/component/default/checkout';
const PAYMENTS = service('payments');
/** Holds no environments.* permission on checkout. */
const MALLORY = mockCredentials.user('user:default/mallory');
/** May read checkout's environments, nothing more. */
const RITA = mockCredentials.user('user:default/rita');
const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach(close => close()));

/**
 * Alice owns checkout (every permission on it, none on payments); Bob may act on both; Rita may
 * read checkout; Mallory holds nothing. Cluster `local` holds feature-pr-4 with the workloads of
 * checkout and payments, and feature-pr-5 with checkout's only (its pull request is merged).
 */
async function setup() {
  const clusters = new FakeClusters(['local'], 'local');
  clusters.addNamespace('local', 'feature-pr-4', {
    workloads: [service('checkout').labelSelector, PAYMENTS.labelSelector],
  });
  clusters.addNamespace('local', 'feature-pr-5', {
    workloads: [service('checkout').labelSelector],
  });
  let previews: PreviewService | undefined;
  const w = await promotionRoutes(
    databases,
    {},
    {
      previews: world => {
        previews = new PreviewService({
          clusters,
          deleter: clusters,
          overrides: world.store,
          audit: world.store,
          owners: world.deps.environments,
          getPullRequest: async (_ctx, number) =>
            number === 5
              ? {
                  number,
                  state: 'merged',
                  updatedAt: world.clock.now().toISOString(),
                }
              : undefined,
          listServices: async () => [service('checkout'), PAYMENTS],
          config: { ...world.config.previews, chains: world.config.chains },
          logger: world.deps.logger,
          clock: world.clock,
          permissions: world.permissions,
        });
        return previews;
      },
    },
  );
  closers.push(w.close);
  jest.mocked(w.permissions.authorize).mockImplementation((async (
    requests: Array<{ permission: { name: string }; resourceRef?: string }>,
    options: { credentials: BackstageCredentials },
  ) => {
    const user = (options.credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    return requests.map(r => ({
      result: allowed(user, r.permission.name, r.resourceRef)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    }));
  }) as any);
  return { ...w, clusters, previews: previews! };
}

function allowed(
  user: string | undefined,
  permission: string,
  resourceRef: string | undefined,
): boolean {
  switch (user) {
    case 'user:default/alice':
      return resourceRef === CHECKOUT;
    case 'user:default/bob':
      return true;
    case 'user:default/rita':
      return resourceRef === CHECKOUT && permission === 'environments.read';
    default:
      return false;
  }
}

type World = Awaited<ReturnType<typeof setup>>;

const attempts: Array<[string, (w: World) => request.Test]> = [
  [
    'preview.delete',
    w => request(w.app).delete(`${entity}/previews/feature-pr-4`),
  ],
  [
    'preview.keep',
    w =>
      request(w.app)
        .post(`${entity}/previews/feature-pr-4/keep`)
        .send({ keep: true }),
  ],
  [
    'preview.extend',
    w =>
      request(w.app)
        .post(`${entity}/previews/feature-pr-4/extend`)
        .send({ by: '24h' }),
  ],
];

async function previewHistory(w: World) {
  w.as(ALICE);
  const res = await request(w.app).get(`${entity}/history?type=preview`);
  expect(res.status).toBe(200);
  return res.body.events;
}

describe('preview routes on a namespace shared with another service', () => {
  it.each(attempts)(
    '%s answers 403 to the owner of checkout alone, leaves the namespace, and audits the refusal',
    async (action, send) => {
      const w = await setup();

      const res = await send(w);

      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(
        `also holds the workloads of ${PAYMENTS.entityRef}`,
      );
      expect(w.clusters.has('local', 'feature-pr-4')).toBe(true);
      expect(w.clusters.deletes).toEqual([]);
      await expect(w.store.listPreviewOverrides('local')).resolves.toEqual([]);
      expect(await previewHistory(w)).toEqual([
        {
          at: w.clock.now().toISOString(),
          actor: 'user:default/alice',
          action,
          result: 'refused',
          message: expect.stringContaining(PAYMENTS.entityRef),
          environment: 'feature-pr-4',
        },
      ]);
    },
  );

  it('audits a refusal of the route’s own permission check for a caller who may read', async () => {
    const w = await setup();
    w.as(RITA);

    const res = await request(w.app).delete(`${entity}/previews/feature-pr-5`);

    expect(res.status).toBe(403);
    expect(w.clusters.has('local', 'feature-pr-5')).toBe(true);
    expect(await previewHistory(w)).toEqual([
      expect.objectContaining({
        actor: 'user:default/rita',
        action: 'preview.delete',
        result: 'refused',
        message: expect.stringContaining('environments.preview.delete'),
      }),
    ]);
  });

  it('logs and counts an outsider’s refusals, keeping them out of the history', async () => {
    const w = await setup();
    w.as(MALLORY);

    for (const [, send] of attempts) expect((await send(w)).status).toBe(403);

    expect(await previewHistory(w)).toEqual([]);
    expect(w.previews.outsiderRefusals).toBe(3);
  });

  it('lets someone allowed on both services delete it, and the history names them', async () => {
    const w = await setup();
    w.as(BOB);

    const res = await request(w.app).delete(`${entity}/previews/feature-pr-4`);

    expect(res.status).toBe(204);
    expect(w.clusters.has('local', 'feature-pr-4')).toBe(false);
    expect(await previewHistory(w)).toEqual([
      expect.objectContaining({
        actor: 'user:default/bob',
        action: 'preview.delete',
        result: 'succeeded',
        environment: 'feature-pr-4',
      }),
    ]);
  });
});

describe('preview deletions in the service history', () => {
  it('lists a deletion by the reaper, with the reaper as its actor, over REST and MCP', async () => {
    const w = await setup();

    const report = await w.previews.reap();

    // Shared: left alone, one outcome for each service in it.
    expect(report.outcomes.map(o => [o.namespace, o.action])).toEqual([
      ['feature-pr-4', 'skipped'],
      ['feature-pr-4', 'skipped'],
      ['feature-pr-5', 'deleted'],
    ]);
    const reaped = {
      actor: 'stageline:reaper',
      action: 'preview.delete',
      result: 'succeeded',
      message:
        "deleted namespace 'feature-pr-5' on cluster 'local': pull request #5 is merged",
      environment: 'feature-pr-5',
    };
    expect(await previewHistory(w)).toEqual([expect.objectContaining(reaped)]);
    const all = await request(w.app).get(`${entity}/history`);
    expect(all.body).toEqual({
      entityRef: CHECKOUT,
      events: [expect.objectContaining(reaped)],
    });
    const promotionsOnly = await request(w.app).get(
      `${entity}/history?type=promotion`,
    );
    expect(promotionsOnly.body.events).toEqual([]);

    const actionsRegistry = actionsRegistryServiceMock();
    registerActions({
      actionsRegistry,
      authorization: w.deps.authorization,
      environments: w.deps.environments,
      view: w.view,
      promotions: w.service,
      githubReads: new CallerBudget({ limit: 1000, windowMs: 60_000 }),
    });
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-service-history',
      input: { entityRef: 'checkout', type: 'preview' },
      credentials: ALICE,
    });
    expect(output).toEqual({
      entityRef: CHECKOUT,
      events: [expect.objectContaining(reaped)],
    });
  });

  it('serves the history only to callers who may read the service', async () => {
    const w = await setup();
    await w.previews.reap();
    w.as(MALLORY);

    expect((await request(w.app).get(`${entity}/history`)).status).toBe(403);
  });
});
