import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { FleetService } from '../fleet/FleetService';
import { fleetWorld, shopService } from '../__testUtils__/fleetWorld';
import { DeliveryMetricsService } from '../metrics/DeliveryMetricsService';
import { ProductionHistory } from '../metrics/ProductionHistory';
import { aNewPromotion } from '../promotions/store/__testUtils__/aNewPromotion';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { ALICE } from '../promotions/__testUtils__/promotionWorld';
import { registerFleetActions } from './registerFleetActions';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

async function setup() {
  const w = await fleetWorld(databases, [
    {
      entity: shopService('payments'),
      declared: { qa: 'v3', staging: 'v2', production: 'v0' },
    },
    {
      entity: shopService('vault'),
      declared: { qa: 'v3', staging: 'v2', production: 'v1' },
    },
  ]);
  w.deny.add('component:default/vault');
  const deps = {
    catalog: w.catalog,
    authorization: w.deps.authorization,
    readModel: w.deps.environments,
    store: w.store,
    userInfo: { getUserInfo: jest.fn() },
  };
  const fleet = new FleetService({
    ...deps,
    chainCacheTtlMs: w.config.gitops.cacheTtlMs,
    now: w.clock.now,
  });
  const actionsRegistry = actionsRegistryServiceMock();
  registerFleetActions({
    actionsRegistry,
    fleet,
    metrics: new DeliveryMetricsService({
      ...deps,
      fleet,
      config: w.config,
      history: new ProductionHistory(w.knex),
      now: w.clock.now,
    }),
  });
  return { ...w, actionsRegistry };
}

describe('fleet actions', () => {
  it('get-fleet-status lists the readable services of a system with their states', async () => {
    const { actionsRegistry, readEntityChain, close } = await setup();
    const { output } = await actionsRegistry.invoke({
      id: 'test:get-fleet-status',
      input: { system: ['shop'], state: ['drifted'] },
      credentials: ALICE,
    });
    expect(output).toEqual({
      total: 1,
      services: [
        expect.objectContaining({
          entityRef: 'component:default/payments',
          environments: [
            expect.objectContaining({ name: 'qa', sync: 'in-sync' }),
            expect.objectContaining({ name: 'staging', flags: [] }),
            expect.objectContaining({
              name: 'production',
              version: expect.stringContaining(':v0@'),
              flags: ['drifted'],
            }),
          ],
        }),
      ],
    });
    // The refused service is never read, whichever filter asks.
    expect(
      readEntityChain.mock.calls.map(([entity]) => entity.metadata.name),
    ).not.toContain('vault');
    await close();
  });

  it('get-delivery-metrics counts production deployments of a service', async () => {
    const w = await setup();
    const { promotion } = await w.store.create(
      aNewPromotion({
        entityRef: 'component:default/payments',
        target: 'production',
        targetFolder: 'payments production',
        state: 'executing',
        approvalsRequired: 0,
        sourceCommitAt: '2026-11-20T10:00:00Z',
      }),
    );
    await w.store.transition(promotion.id, ['executing'], 'succeeded');
    const { output } = await w.actionsRegistry.invoke({
      id: 'test:get-delivery-metrics',
      input: {
        entityRef: 'payments',
        from: '2026-11-13T12:00:00Z',
        to: '2026-11-20T13:00:00Z',
      },
      credentials: ALICE,
    });
    // The world's clock stands at 2026-11-20 12:00: 2 h after the commit.
    expect(output).toMatchObject({
      entityRefs: ['component:default/payments'],
      deployments: 1,
      leadTimeMedianSeconds: 7200,
      changes: 1,
      failures: 0,
      changeFailureRate: 0,
    });
    await expect(
      w.actionsRegistry.invoke({
        id: 'test:get-delivery-metrics',
        input: { entityRef: 'vault' },
        credentials: ALICE,
      }),
    ).rejects.toThrow(/NotAllowed|not allowed|denied/i);
    await expect(
      w.actionsRegistry.invoke({
        id: 'test:get-delivery-metrics',
        input: { system: 'shop', group: 'team-a' },
        credentials: ALICE,
      }),
    ).rejects.toThrow('give exactly one of entityRef, system or group');
    await w.close();
  });
});
