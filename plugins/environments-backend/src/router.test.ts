import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { formatImageReference } from '@stageline/plugin-environments-common';
import express from 'express';
import request from 'supertest';
import { PreviewService } from './previews/PreviewService';
import { aNewPromotion } from './promotions/store/__testUtils__/aNewPromotion';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import { approverView } from './promotions/__testUtils__/approverView';
import {
  BOB,
  entity as checkout,
} from './promotions/__testUtils__/promotionWorld';
import { createRouter } from './router';
import { promotionRoutes } from './__testUtils__/promotionRoutes';
import { CallerBudget } from './authorization/CallerBudget';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const entity = '/entities/component/default/checkout';
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

async function setup(
  options: { denied?: string[]; extraEntities?: Entity[] } = {},
) {
  const deleter = { deleteNamespace: jest.fn() };
  const routes = await promotionRoutes(databases, options, {
    githubReads: new CallerBudget({ limit: 1000, windowMs: 60_000 }),
    previews: w =>
      new PreviewService({
        clusters: w.clusters,
        deleter,
        overrides: w.store,
        audit: w.store,
        owners: w.deps.environments,
        getPullRequest: jest.fn(),
        listServices: jest.fn(async () => []),
        config: {
          ...w.config.previews,
          chains: w.config.chains,
        },
        logger: mockServices.logger.mock(),
      }),
  });
  return { ...routes, deleter };
}

type Route = {
  method: 'get' | 'post' | 'delete';
  path: string;
  permission: string;
  body?: object;
  /** Who requested the `:id` promotion; default Alice, the caller. */
  requestedBy?: string;
};

// Every route; a new route must be added here so the permission tests cover it.
const routes: Route[] = [
  {
    method: 'get',
    path: `${entity}/environments`,
    permission: 'environments.read',
  },
  {
    method: 'get',
    path: `${entity}/previews`,
    permission: 'environments.read',
  },
  {
    method: 'get',
    path: `${entity}/diff?from=${SHA_A}&to=${SHA_B}`,
    permission: 'environments.read',
  },
  {
    method: 'get',
    path: `${entity}/promotions`,
    permission: 'environments.read',
  },
  {
    method: 'get',
    path: `${entity}/history`,
    permission: 'environments.read',
  },
  {
    method: 'post',
    path: `${entity}/promotions`,
    permission: 'environments.promote',
    body: { target: 'staging' },
  },
  {
    method: 'get',
    path: '/promotions/:id',
    permission: 'environments.read',
  },
  {
    method: 'get',
    path: '/promotions/:id/events',
    permission: 'environments.read',
  },
  // Approve and cancel need sight of the entity besides their own permission.
  ...['environments.read', 'environments.approve'].map(permission => ({
    method: 'post' as const,
    path: '/promotions/:id/approvals',
    permission,
    body: {
      decision: 'approve',
      version: formatImageReference(aNewPromotion().version),
      targetBase: null,
    },
  })),
  // Bob's promotion: Alice may cancel it only as someone allowed to promote into its target.
  ...['environments.read', 'environments.promote'].map(permission => ({
    method: 'post' as const,
    path: '/promotions/:id/cancel',
    permission,
    requestedBy: 'user:default/bob',
  })),
  {
    method: 'post',
    path: `${entity}/previews/feature-pr-1/keep`,
    permission: 'environments.preview.delete',
    body: { keep: true },
  },
  {
    method: 'post',
    path: `${entity}/previews/feature-pr-1/extend`,
    permission: 'environments.preview.delete',
    body: { by: '24h' },
  },
  {
    method: 'delete',
    path: `${entity}/previews/feature-pr-1`,
    permission: 'environments.preview.delete',
  },
];

// `:id` is a promotion of checkout awaiting approval, created in the store (no catalog call).
async function send(w: Awaited<ReturnType<typeof setup>>, route: Route) {
  let path = route.path;
  if (path.includes(':id')) {
    const { promotion } = await w.store.create(
      aNewPromotion(
        route.requestedBy ? { requestedBy: route.requestedBy } : {},
      ),
    );
    path = path.replace(':id', promotion.id);
  }
  const req = request(w.app)[route.method](path);
  return route.body ? req.send(route.body) : req;
}

describe('createRouter', () => {
  it.each(routes.filter(r => r.method === 'get'))(
    'answers $method $path when allowed',
    async route => {
      const res = await send(await setup(), route);
      expect(res.status).toBe(200);
    },
  );

  it.each(routes)(
    'denies $method $path without $permission, before any catalog, cluster or Git call',
    async route => {
      const w = await setup({ denied: [route.permission] });
      const res = await send(w, route);
      expect(res.status).toBe(403);
      expect(w.getEntityByRef).not.toHaveBeenCalled();
      expect(w.clusters.queries).toEqual([]);
      expect(w.resolve).not.toHaveBeenCalled();
      expect(w.writer.writes).toEqual([]);
      expect(w.deleter.deleteNamespace).not.toHaveBeenCalled();
    },
  );

  it.each(routes)(
    'rejects unauthenticated calls to $method $path',
    async route => {
      const w = await setup();
      w.as(mockCredentials.none() as any);
      const router = await createRouter({
        httpAuth: mockServices.httpAuth(),
        authorization: w.deps.authorization,
        environments: w.deps.environments,
        view: w.view,
        promotions: w.service,
        previews: {} as any,
        githubReads: new CallerBudget({ limit: 1000, windowMs: 60_000 }),
      });
      const app = express().use(router).use(mockErrorHandler());
      const req = request(app)
        [route.method](route.path.replace(':id', 'any-promotion'))
        .set('Authorization', mockCredentials.none.header());
      expect((await (route.body ? req.send(route.body) : req)).status).toBe(
        401,
      );
    },
  );

  it.each(
    routes
      .filter(r => r.method === 'get' && r.path.startsWith(entity))
      .map(r => ({ ...r, path: r.path.replace('checkout', 'nope') })),
  )('answers 404 for an unknown entity on $path', async route => {
    expect((await send(await setup(), route)).status).toBe(404);
  });

  it.each([
    [
      'get',
      `/entities/component/default/ch%2Fec/environments`,
      undefined,
      /catalog name/,
    ],
    ['get', `${entity}/diff`, undefined, /from/],
    ['get', `${entity}/diff?from=${SHA_A}&to=${SHA_B}&x=1`, undefined, /x/],
    ['post', `${entity}/promotions`, { target: 'Staging!' }, /target/],
    ['post', `${entity}/promotions`, { target: 'staging', extra: 1 }, /extra/],
    [
      'post',
      `${entity}/promotions`,
      { target: 'staging', idempotencyKey: 'a b' },
      /idempotencyKey/,
    ],
    [
      'post',
      '/promotions/x%20y/approvals',
      { decision: 'approve' },
      /promotion id/,
    ],
    ['post', '/promotions/abc/approvals', { decision: 'maybe' }, /decision/],
    [
      'post',
      `${entity}/previews/..%2Fkube-system/keep`,
      { keep: true },
      /preview/,
    ],
    ['post', `${entity}/previews/feature-pr-1/extend`, { by: 'forever' }, /by/],
  ] as const)(
    'answers 400 for %s %s %j',
    async (method, path, body, message) => {
      const { app, writer } = await setup();
      const req = request(app)[method](path);
      const res = await (body ? req.send(body) : req);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(writer.writes).toEqual([]);
    },
  );

  it('creates a promotion with 201, returns it again with 200 for the same idempotency key', async () => {
    const { app, engine } = await setup();
    const body = { target: 'staging', idempotencyKey: 'dialog-1' };
    const first = await request(app).post(`${entity}/promotions`).send(body);
    const again = await request(app).post(`${entity}/promotions`).send(body);
    await engine.idle();
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const one = await request(app).get(`/promotions/${first.body.id}`);
    expect(one.body).toMatchObject({ id: first.body.id, state: 'rolling-out' });
    expect(one.body.events.map((e: { action: string }) => e.action)).toEqual([
      'promotion.request',
      'promotion.write',
    ]);
    const history = await request(app).get(`${entity}/promotions`);
    expect(history.body.promotions).toHaveLength(1);
  });

  it('answers 409 with the reason when a gate blocks, and 403 for self-approval', async () => {
    const w = await setup();
    const { app } = w;
    w.runs('qa', 'v3', { health: 'degraded', reasons: ['CrashLoopBackOff'] });
    const blocked = await request(app)
      .post(`${entity}/promotions`)
      .send({ target: 'staging' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/blocked/);

    const prod = await request(app)
      .post(`${entity}/promotions`)
      .send({ target: 'production' });
    expect(prod.status).toBe(201);
    const seen = await approverView(w, prod.body.id);
    const own = await request(app)
      .post(`/promotions/${prod.body.id}/approvals`)
      .send({ decision: 'approve', ...seen });
    expect(own.status).toBe(403);
    w.as(BOB);
    const approved = await request(app)
      .post(`/promotions/${prod.body.id}/approvals`)
      .send({ decision: 'approve', comment: 'lgtm', ...seen });
    expect(approved.status).toBe(200);
    expect(approved.body.approvals).toEqual([
      expect.objectContaining({ user: 'user:default/bob', comment: 'lgtm' }),
    ]);
    const cancelled = await request(app).post(
      `/promotions/${prod.body.id}/cancel`,
    );
    expect(cancelled.body).toMatchObject({
      state: 'cancelled',
      requestedBy: 'user:default/alice',
      cancelledBy: 'user:default/bob',
    });
  });

  it('lets the requester cancel without environments.promote, and says who cancelled', async () => {
    const w = await setup({ denied: ['environments.promote'] });
    const { promotion } = await w.store.create(aNewPromotion());

    const res = await request(w.app).post(`/promotions/${promotion.id}/cancel`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'cancelled',
      cancelledBy: 'user:default/alice',
    });
    const history = await request(w.app).get(`${entity}/promotions`);
    expect(history.body.promotions[0]).toMatchObject({
      id: promotion.id,
      cancelledBy: 'user:default/alice',
    });
  });

  it('shows the gates of the next promotion with the environments', async () => {
    const { app } = await setup();
    const res = await request(app).get(`${entity}/environments`);
    expect(res.body.environments[1].promotion).toMatchObject({
      source: 'qa',
      target: 'staging',
      ready: true,
    });
  });

  it('answers 404 for an unknown promotion', async () => {
    const { app } = await setup();
    expect((await request(app).get('/promotions/does-not-exist')).status).toBe(
      404,
    );
  });
});

describe('preview routes through an entity that copies another service’s annotations', () => {
  const impostor: Entity = {
    ...checkout,
    metadata: { ...checkout.metadata, name: 'innocent-tool' },
  };
  const base =
    '/entities/component/default/innocent-tool/previews/feature-pr-4';

  it.each([
    ['delete', (server: express.Express) => request(server).delete(base)],
    [
      'keep',
      (server: express.Express) =>
        request(server).post(`${base}/keep`).send({ keep: true }),
    ],
    [
      'extend',
      (server: express.Express) =>
        request(server).post(`${base}/extend`).send({ by: '24h' }),
    ],
  ])('refuses %s before touching the cluster', async (_, sendTo) => {
    const f = await setup({ extraEntities: [impostor] });
    const res = await sendTo(f.app);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'belongs to component:default/checkout',
    );
    expect(f.deleter.deleteNamespace).not.toHaveBeenCalled();
    await expect(f.store.listPreviewOverrides('local')).resolves.toEqual([]);
    await f.close();
  });
});
