import { mockCredentials } from '@backstage/backend-test-utils';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { AwaitingAcknowledgementsResponse } from '@stageline/plugin-environments-common';
import request from 'supertest';
import { fleetWorld, shopService } from '../__testUtils__/fleetWorld';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { ALICE, BOB } from '../promotions/__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

// checkout, payments and vault each get a break-glass promotion into production; the policy
// refuses everything on vault once they exist.
const extra = ['payments', 'vault'].map(name => ({
  entity: shopService(name),
  declared: { qa: 'v3', staging: 'v2', production: 'v1' },
}));
const component = (name: string): CompoundEntityRef => ({
  kind: 'component',
  namespace: 'default',
  name,
});
const incident = (name: string) => `https://status.example.com/${name}`;

async function world() {
  const w = await fleetWorld(databases, extra);
  const breakGlass = async (name: string) => {
    w.clock.advance(60_000);
    const { promotion } = await w.service.request(
      component(name),
      {
        target: 'production',
        reason: `${name} down`,
        breakGlass: { incident: incident(name) },
      },
      { credentials: ALICE },
    );
    return promotion.id;
  };
  const ids = {
    checkout: await breakGlass('checkout'),
    payments: await breakGlass('payments'),
    vault: await breakGlass('vault'),
  };
  w.deny.add('component:default/vault');
  w.readEntityChain.mockClear();
  w.getEntities.mockClear();
  return { ...w, ids };
}

const listed = async (app: Parameters<typeof request>[0], query = '') => {
  const res = await request(app).get(`/fleet/breakglass${query}`).expect(200);
  return (res.body as AwaitingAcknowledgementsResponse).promotions;
};

describe('GET /fleet/breakglass', () => {
  it('lists the readable services’ unacknowledged break-glass promotions, newest first, from one store query', async () => {
    const w = await world();
    const fromStore = jest.spyOn(w.store, 'listUnacknowledgedBreakGlass');
    const byRefs = jest.spyOn(w.catalog, 'getEntitiesByRefs');
    const promotions = await listed(w.app);
    expect(promotions).toEqual([
      {
        id: w.ids.payments,
        entityRef: 'component:default/payments',
        kind: 'promotion',
        source: 'staging',
        target: 'production',
        version: expect.objectContaining({ tag: 'v2' }),
        requestedBy: 'user:default/alice',
        reason: 'payments down',
        createdAt: expect.any(String),
        incident: incident('payments'),
      },
      expect.objectContaining({
        id: w.ids.checkout,
        entityRef: 'component:default/checkout',
        incident: incident('checkout'),
      }),
    ]);
    // The refused service never appears; nothing but the store, the catalog and permissions read.
    expect(JSON.stringify(promotions)).not.toContain('vault');
    expect(fromStore).toHaveBeenCalledTimes(1);
    expect(fromStore).toHaveBeenCalledWith();
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(byRefs.mock.calls[0][1]).toEqual({ credentials: ALICE });
    expect(w.readEntityChain).not.toHaveBeenCalled();
    expect(w.getEntities).not.toHaveBeenCalled();
    await w.close();
  });

  it('leaves out a service the catalog does not show the caller', async () => {
    const w = await world();
    const byRefs = jest.spyOn(w.catalog, 'getEntitiesByRefs');
    byRefs.mockImplementation(async ({ entityRefs }) => ({
      items: entityRefs.map(ref =>
        ref === 'component:default/checkout'
          ? shopService('checkout')
          : undefined,
      ),
    }));
    expect((await listed(w.app)).map(p => p.id)).toEqual([w.ids.checkout]);
    await w.close();
  });

  it('drops a promotion once an approver acknowledges it, and honours the limit', async () => {
    const w = await world();
    await w.service.acknowledge(w.ids.payments, { credentials: BOB });
    expect((await listed(w.app)).map(p => p.id)).toEqual([w.ids.checkout]);
    w.deny.delete('component:default/vault');
    expect((await listed(w.app, '?limit=1')).map(p => p.id)).toEqual([
      w.ids.vault,
    ]);
    await w.close();
  });

  it('lists nothing when environments.read is denied on every service, and serves service principals', async () => {
    const w = await world();
    w.deny.add('component:default/checkout').add('component:default/payments');
    expect(await listed(w.app)).toEqual([]);
    w.deny.clear();
    w.as(mockCredentials.service('plugin:catalog'));
    expect(await listed(w.app)).toHaveLength(3);
    await w.close();
  });

  it('refuses bad queries with 400 and the field', async () => {
    const w = await world();
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=all', 'limit'],
      ['unknown=1', ''],
    ]) {
      const res = await request(w.app).get(`/fleet/breakglass?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(field);
    }
    await w.close();
  });
});
