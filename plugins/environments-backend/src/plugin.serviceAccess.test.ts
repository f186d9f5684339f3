import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { permissionPolicyStandIn } from './__testUtils__/permissionPolicyStandIn';
import { environmentsPlugin } from './plugin';
import { PreviewService } from './previews/PreviewService';
import { FakeClusters } from './previews/__testUtils__/FakeClusters';
import { ChainReadiness } from './promotions/ChainReadiness';
import { PromotionEngine } from './promotions/engine/PromotionEngine';
import { PromotionService } from './promotions/PromotionService';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import { approverView } from './promotions/__testUtils__/approverView';
import type { AuditEntry } from './audit/types';
import {
  ALICE,
  CHECKOUT,
  promotionWorld,
  REF,
} from './promotions/__testUtils__/promotionWorld';
import { environmentsServiceRef } from './services/environmentsServiceRef';
import { previewsServiceRef } from './services/previewsServiceRef';
import { promotionsServiceRef } from './services/promotionsServiceRef';
import { authorizationServiceRef } from './services/authorizationServiceRef';
import { closingDatabaseFactory } from './__testUtils__/closingDatabaseFactory';

// Finding 3 of issue 11: Backstage's permission client allows every service principal without
// asking the policy. These tests run the real client (permission.enabled, a policy that denies
// every write) and show that only environments.serviceAccess lets a service write.
jest.setTimeout(60_000);
const databases = storeTestDatabases();

const BOT = 'external:release-bot';
const ENTITY = '/api/environments/entities/component/default/checkout';
const ACTIONS = '/api/environments/.backstage/actions/v1/actions';
/** The effect of a granted preview write: one audit row by the service. */
const previewAuditedAs =
  (action: string) => async (w: { previewAudit: unknown[] }) =>
    expect(w.previewAudit).toEqual([
      expect.objectContaining({ actor: `service:${BOT}`, action }),
    ]);

const EVERY_GRANTABLE_ACTION = [
  'request-promotion',
  'request-rollback',
  'cancel-promotion',
  'keep-preview',
  'extend-preview',
  'delete-preview',
];

type AuditorEvent = {
  eventId: string;
  severityLevel?: string;
  meta?: Record<string, unknown>;
  outcome?: 'success' | 'fail';
};

/**
 * The plugin in a test backend with Backstage's own permission service, a policy that allows
 * only environments.read, and the in-memory promotion world (Git, cluster, real database).
 */
async function start(
  options: { serviceAccess?: unknown; credentials?: BackstageCredentials } = {},
) {
  const w = await promotionWorld(databases, 'SQLITE_3');
  // Awaiting two approvals: what approvals and cancel act on.
  const { promotion: pending } = await w.service.request(
    REF,
    { target: 'production' },
    { credentials: ALICE },
  );
  const seen = await approverView(w, pending.id);
  const clusters = new FakeClusters(['local'], 'local');
  clusters.addNamespace('local', 'feature-pr-1', {
    workloads: ['backstage.io/kubernetes-id=checkout'],
  });
  const previewAudit: AuditEntry[] = [];
  const auditorEvents: AuditorEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async ({ eventId, severityLevel, meta }) => {
      const event: AuditorEvent = { eventId, severityLevel, meta };
      auditorEvents.push(event);
      return {
        success: async () => void (event.outcome = 'success'),
        fail: async () => void (event.outcome = 'fail'),
      };
    }),
  });
  const policy = permissionPolicyStandIn(({ permission }) =>
    permission === 'environments.read'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
  );
  const backend = await startTestBackend({
    features: [
      closingDatabaseFactory,
      environmentsPlugin,
      policy.feature,
      auditor.factory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          environments: {
            previews: { reaper: { enabled: false } },
            ...(options.serviceAccess !== undefined && {
              serviceAccess: options.serviceAccess,
            }),
          },
        },
      }),
      ...(options.credentials
        ? [
            mockServices.httpAuth.factory({
              defaultCredentials: options.credentials,
            }),
          ]
        : []),
      createServiceFactory({
        service: environmentsServiceRef,
        deps: {},
        factory: () => w.deps.environments,
      }),
      // The world's promotions, with the backend's permission service, auditor and service access.
      createServiceFactory({
        service: promotionsServiceRef,
        deps: {
          authorization: authorizationServiceRef,
          auditor: coreServices.auditor,
        },
        factory: backendServices => {
          const deps = { ...w.deps, ...backendServices };
          const engine = new PromotionEngine(deps);
          return {
            service: new PromotionService(deps, engine),
            engine,
            store: w.store,
            readiness: new ChainReadiness(deps),
          };
        },
      }),
      createServiceFactory({
        service: previewsServiceRef,
        deps: {},
        factory: () =>
          new PreviewService({
            clusters,
            deleter: clusters,
            overrides: w.store,
            audit: {
              appendAudit: async entry => void previewAudit.push(entry),
            },
            owners: w.deps.environments,
            getPullRequest: async () => undefined,
            listServices: async () => [],
            config: { ...w.config.previews, chains: w.config.chains },
            logger: mockServices.logger.mock(),
          }),
      }),
    ],
  });
  w.getEntityByRef.mockClear();
  return {
    ...w,
    server: backend.server,
    pending,
    seen,
    clusters,
    previewAudit,
    auditorEvents,
    policy,
  };
}

type World = Awaited<ReturnType<typeof start>>;

function serviceHeader(subject = BOT) {
  return mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'environments',
  });
}

type Write = {
  name: string;
  action: string;
  send: (w: World) => request.Test;
  /** Status and effect once the service is granted `action`. */
  granted?: { status: number; effect: (w: World) => Promise<void> };
};

const botPromotions = async (w: World) =>
  (await w.store.listByEntity(CHECKOUT, { limit: 10 })).filter(
    p => p.requestedBy === `service:${BOT}`,
  );

// Every write route and write action; a new one must be added here.
const writes: Write[] = [
  {
    name: 'POST /entities/.../promotions',
    action: 'request-promotion',
    send: w =>
      request(w.server)
        .post(`${ENTITY}/promotions`)
        .send({ target: 'staging' }),
    granted: {
      status: 201,
      effect: async w =>
        expect(await botPromotions(w)).toEqual([
          expect.objectContaining({ target: 'staging' }),
        ]),
    },
  },
  {
    name: 'POST /entities/.../promotions (protected production)',
    action: 'request-promotion',
    send: w =>
      request(w.server)
        .post(`${ENTITY}/promotions`)
        .send({ target: 'production', idempotencyKey: 'ci-1' }),
    // Production already has ALICE's promotion in flight: past every authorization check.
    granted: {
      status: 409,
      effect: async w => expect(await botPromotions(w)).toEqual([]),
    },
  },
  {
    name: 'POST /entities/.../promotions (rollback)',
    action: 'request-rollback',
    send: w =>
      request(w.server)
        .post(`${ENTITY}/promotions`)
        .send({ target: 'staging', version: 'v1', rollback: true }),
    // Refused by history, not by authorization: v1 never succeeded in staging.
    granted: {
      status: 409,
      effect: async w => expect(await botPromotions(w)).toEqual([]),
    },
  },
  {
    name: 'POST /promotions/:id/approvals',
    action: 'approve-promotion',
    send: w =>
      request(w.server)
        .post(`/api/environments/promotions/${w.pending.id}/approvals`)
        .send({ decision: 'approve', ...w.seen }),
  },
  {
    name: 'POST /promotions/:id/cancel',
    action: 'cancel-promotion',
    send: w =>
      request(w.server).post(
        `/api/environments/promotions/${w.pending.id}/cancel`,
      ),
    granted: {
      status: 200,
      effect: async w =>
        expect(await w.store.get(w.pending.id)).toMatchObject({
          state: 'cancelled',
          stateReason: `Cancelled by service:${BOT}`,
        }),
    },
  },
  {
    name: 'POST /entities/.../previews/:preview/keep',
    action: 'keep-preview',
    send: w =>
      request(w.server)
        .post(`${ENTITY}/previews/feature-pr-1/keep`)
        .send({ keep: true }),
    granted: {
      status: 200,
      effect: previewAuditedAs('preview.keep'),
    },
  },
  {
    name: 'POST /entities/.../previews/:preview/extend',
    action: 'extend-preview',
    send: w =>
      request(w.server)
        .post(`${ENTITY}/previews/feature-pr-1/extend`)
        .send({ by: '24h' }),
    granted: {
      status: 200,
      effect: previewAuditedAs('preview.extend'),
    },
  },
  {
    name: 'DELETE /entities/.../previews/:preview',
    action: 'delete-preview',
    send: w => request(w.server).delete(`${ENTITY}/previews/feature-pr-1`),
    granted: {
      status: 204,
      effect: async w => {
        expect(w.clusters.deletes).toEqual([
          expect.objectContaining({ cluster: 'local', name: 'feature-pr-1' }),
        ]);
        expect(w.previewAudit).toEqual([
          expect.objectContaining({
            actor: `service:${BOT}`,
            action: 'preview.delete',
          }),
        ]);
      },
    },
  },
  {
    name: 'action environments:request-promotion',
    action: 'request-promotion',
    send: w =>
      request(w.server)
        .post(`${ACTIONS}/environments:request-promotion/invoke`)
        .send({ entityRef: CHECKOUT, target: 'staging' }),
    granted: {
      status: 200,
      effect: async w =>
        expect(await botPromotions(w)).toEqual([
          expect.objectContaining({ target: 'staging' }),
        ]),
    },
  },
  {
    name: 'action environments:approve-promotion',
    action: 'approve-promotion',
    send: w =>
      request(w.server)
        .post(`${ACTIONS}/environments:approve-promotion/invoke`)
        .send({ promotionId: w.pending.id, decision: 'approve', ...w.seen }),
  },
];

async function expectNothingWritten(w: World) {
  // A refused service is in the auditor only: its attempts cannot fill a promotion's trail.
  const trail = await w.store.listAudit({ entityRef: CHECKOUT });
  expect(trail.filter(row => row.actor.includes(BOT))).toEqual([]);
  expect(w.getEntityByRef).not.toHaveBeenCalled();
  expect(w.writer.writes).toEqual([]);
  expect(w.clusters.deletes).toEqual([]);
  expect(w.previewAudit).toEqual([]);
  expect(await w.store.listByEntity(CHECKOUT, { limit: 10 })).toEqual([
    expect.objectContaining({
      id: w.pending.id,
      state: 'awaiting-approval',
      approvals: [],
    }),
  ]);
}

describe('service principals on write routes and actions, through the real permission client', () => {
  it.each(writes)(
    '$name answers 403 to a service that config does not grant $action, before any catalog, cluster or Git call',
    async write => {
      const w = await start();
      const res = await write.send(w).set('Authorization', serviceHeader());
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(res.body.error.message).toContain(BOT);
      await expectNothingWritten(w);
      expect(w.auditorEvents).toContainEqual({
        eventId: 'service-access',
        severityLevel: 'medium',
        meta: expect.objectContaining({
          subject: BOT,
          action: write.action,
          granted: false,
        }),
        outcome: 'fail',
      });
    },
  );

  it.each(writes)(
    '$name still answers 403 to a service granted another action or another service',
    async write => {
      const w = await start({
        serviceAccess: [
          {
            subject: BOT,
            actions: EVERY_GRANTABLE_ACTION.filter(a => a !== write.action),
          },
          { subject: 'external:other-bot', actions: EVERY_GRANTABLE_ACTION },
        ],
      });
      const res = await write.send(w).set('Authorization', serviceHeader());
      expect(res.status).toBe(403);
      await expectNothingWritten(w);
    },
  );

  it.each(writes.filter(write => write.granted))(
    '$name lets a service granted $action through, audited naming the service',
    async write => {
      const w = await start({
        serviceAccess: [{ subject: BOT, actions: [write.action] }],
      });
      const res = await write.send(w).set('Authorization', serviceHeader());
      expect(res.status).toBe(write.granted!.status);
      await write.granted!.effect(w);
      expect(w.auditorEvents).toContainEqual({
        eventId: 'service-access',
        severityLevel: 'high',
        meta: {
          subject: BOT,
          action: write.action,
          resourceRef: CHECKOUT,
          granted: true,
        },
        outcome: 'success',
      });
      // Backstage's client decided for the service without asking the policy, which denies writes.
      expect(w.policy.asked.filter(a => a.principal === BOT)).toEqual([]);
    },
  );

  it.each(writes.filter(write => write.action === 'approve-promotion'))(
    '$name answers 403 to a service granted every action: an approval is a person’s decision',
    async write => {
      const w = await start({
        serviceAccess: [{ subject: BOT, actions: EVERY_GRANTABLE_ACTION }],
      });
      const res = await write.send(w).set('Authorization', serviceHeader());
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/person's decision/);
      await expectNothingWritten(w);
    },
  );

  it('asks the policy for a user, who is refused the write the policy denies', async () => {
    const w = await start();
    const res = await request(w.server)
      .post(`${ENTITY}/promotions`)
      .set('Authorization', mockCredentials.user.header('user:default/bob'))
      .send({ target: 'staging' });
    expect(res.status).toBe(403);
    expect(w.policy.asked).toContainEqual({
      permission: 'environments.promote',
      resourceRef: CHECKOUT,
      principal: 'user:default/bob',
    });
  });

  it('still runs the permission check for a granted service: its token access restrictions apply', async () => {
    const w = await start({
      serviceAccess: [{ subject: BOT, actions: EVERY_GRANTABLE_ACTION }],
      credentials: mockCredentials.service(BOT, {
        permissionNames: ['environments.read'],
      }),
    });
    const res = await request(w.server)
      .post(`${ENTITY}/promotions`)
      .send({ target: 'staging' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/environments\.promote/);
    expect(await botPromotions(w)).toEqual([]);
  });

  it('refuses to start when config grants approvals to a service', async () => {
    await expect(
      start({
        serviceAccess: [{ subject: BOT, actions: ['approve-promotion'] }],
      }),
    ).rejects.toThrow(/person's decision/);
  });
});
