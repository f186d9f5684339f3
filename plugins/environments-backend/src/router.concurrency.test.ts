import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';
import { CallerBudget } from './authorization/CallerBudget';
import { EnvironmentView } from './promotions/EnvironmentView';
import { ChainReadiness } from './promotions/ChainReadiness';
import { PromotionEngine } from './promotions/engine/PromotionEngine';
import { PromotionService } from './promotions/PromotionService';
import { requiredTestDatabaseIds } from './database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from './database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  promotionWorld,
} from './promotions/__testUtils__/promotionWorld';

jest.setTimeout(120_000);
const databases = storeTestDatabases();

async function backend(
  deps: ConstructorParameters<typeof PromotionService>[0],
) {
  const engine = new PromotionEngine(deps);
  const router = await createRouter({
    httpAuth: mockServices.httpAuth.mock({
      credentials: jest.fn(async () => ALICE) as any,
    }),
    authorization: deps.authorization,
    environments: deps.environments,
    view: new EnvironmentView({
      readModel: deps.environments,
      readiness: new ChainReadiness(deps),
    }),
    promotions: new PromotionService(deps, engine),
    previews: {} as any,
    githubReads: new CallerBudget({ limit: 1000, windowMs: 60_000 }),
  });
  return { engine, app: express().use(router).use(mockErrorHandler()) };
}

describe('concurrent promotion requests on two backend instances', () => {
  it.each(requiredTestDatabaseIds())(
    'write Git once on %s: one 201, the rest 409 or the same promotion',
    async id => {
      const w = await promotionWorld(databases, id);
      const secondStore = await w.openSecondInstance();
      const a = await backend({ ...w.deps, instanceId: 'instance-a' });
      const b = await backend({
        ...w.deps,
        store: secondStore,
        instanceId: 'instance-b',
      });
      try {
        const responses = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            request((i % 2 ? a : b).app)
              .post('/entities/component/default/checkout/promotions')
              .send({
                target: 'staging',
                ...(i % 4 < 2 ? { idempotencyKey: 'dialog-7' } : {}),
              }),
          ),
        );
        const created = responses.filter(r => r.status === 201);
        expect(created).toHaveLength(1);
        const createdId = created[0].body.id;
        const others = responses.filter(r => r !== created[0]);
        // The rest: the same promotion (same key), or 409 naming it or the version now declared.
        expect(
          others.map(r =>
            r.status === 200
              ? r.body.id === createdId
              : r.status === 409 &&
                (r.body.error.message.includes(createdId) ||
                  /already declares/.test(r.body.error.message)),
          ),
        ).toEqual(others.map(() => true));
        await Promise.all([a.engine.idle(), b.engine.idle()]);
        await Promise.all([a.engine.advanceAll(), b.engine.advanceAll()]);
        expect(w.writer.writes).toHaveLength(1);
        expect(
          await w.store.listByEntity('component:default/checkout'),
        ).toHaveLength(1);
      } finally {
        await w.close();
      }
    },
  );
});
