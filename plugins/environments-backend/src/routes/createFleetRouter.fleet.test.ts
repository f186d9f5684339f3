import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  FleetResponse,
  FleetService,
} from '@stageline/plugin-environments-common';
import request from 'supertest';
import { fleetWorld, shopService } from '../__testUtils__/fleetWorld';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { BOB } from '../promotions/__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

// checkout (team-checkout, no system): qa v3, staging v2, production v1, each running it.
// payments (team-shop, shop, production): declares qa v3, staging v3, production v1.
// search (team-search, shop, experimental): declares qa v3, staging v2, production v0.
// vault (team-shop, shop): the policy refuses everything on it.
const extra = [
  {
    entity: shopService('payments', { lifecycle: 'production' }),
    declared: { qa: 'v3', staging: 'v3', production: 'v1' },
  },
  {
    entity: shopService('search', {
      owner: 'team-search',
      lifecycle: 'experimental',
    }),
    declared: { qa: 'v3', staging: 'v2', production: 'v0' },
  },
  {
    entity: shopService('vault'),
    declared: { qa: 'v3', staging: 'v2', production: 'v1' },
  },
];

async function world() {
  const w = await fleetWorld(databases, extra);
  w.deny.add('component:default/vault');
  return w;
}

const refs = (body: FleetResponse) => body.services.map(s => s.entityRef);
const cell = (service: FleetService, env: string) =>
  service.environments.find(e => e.name === env)!;

describe('GET /fleet', () => {
  it('lists every readable service with each environment, and never reads one the caller may not', async () => {
    const w = await world();
    const res = await request(w.app).get('/fleet');
    expect(res.status).toBe(200);
    const body = res.body as FleetResponse;
    expect(refs(body)).toEqual([
      'component:default/checkout',
      'component:default/payments',
      'component:default/search',
    ]);
    expect(body.total).toBe(3);
    expect(body.environments).toEqual(['qa', 'staging', 'production']);
    const checkout = body.services[0];
    expect(checkout.owner).toBe('group:default/team-checkout');
    expect(
      checkout.environments.map(e => [e.name, e.version?.tag, e.sync]),
    ).toEqual([
      ['qa', 'v3', 'in-sync'],
      ['staging', 'v2', 'in-sync'],
      ['production', 'v1', 'in-sync'],
    ]);
    // Each version has run for two hours; staging lags qa since qa got v3.
    expect(cell(checkout, 'qa').since).toBe('2026-11-20T10:00:00.000Z');
    expect(cell(checkout, 'qa').lag).toBeUndefined();
    expect(cell(checkout, 'staging').lag).toEqual({
      upToDate: false,
      behindSince: '2026-11-20T10:00:00.000Z',
    });
    // payments' staging declares what qa has: up to date, no commits between.
    expect(cell(body.services[1], 'staging').lag).toEqual({
      upToDate: true,
      commits: 0,
    });
    // The refused service was listed by the catalog but never read past the permission check.
    expect(w.getEntities).toHaveBeenCalledWith(expect.anything(), {
      credentials: expect.objectContaining({
        principal: expect.objectContaining({
          userEntityRef: 'user:default/alice',
        }),
      }),
    });
    const read = w.readEntityChain.mock.calls.map(
      ([entity]) => entity.metadata.name,
    );
    expect(read).not.toContain('vault');
    expect(
      w.clusters.queries.some(q => q.labelSelector.includes('vault')),
    ).toBe(false);
    await w.close();
  });

  it('filters by owner, system, lifecycle, mine and search', async () => {
    const w = await world();
    const get = async (query: string) =>
      refs((await request(w.app).get(`/fleet?${query}`).expect(200)).body);
    expect(await get('owner=team-search')).toEqual([
      'component:default/search',
    ]);
    expect(await get('owner=group:default/team-checkout,team-search')).toEqual([
      'component:default/checkout',
      'component:default/search',
    ]);
    expect(await get('system=shop')).toEqual([
      'component:default/payments',
      'component:default/search',
    ]);
    expect(await get('lifecycle=experimental')).toEqual([
      'component:default/search',
    ]);
    // Alice's groups: team-shop owns payments (and vault, which she may not read).
    expect(await get('mine=true')).toEqual(['component:default/payments']);
    expect(await get('search=PAY')).toEqual(['component:default/payments']);
    // A version: only search's production declares v0.
    expect(await get('search=shop/checkout:v0')).toEqual([
      'component:default/search',
    ]);
    expect(await get('scope=system:default/shop&owner=team-shop')).toEqual([
      'component:default/payments',
    ]);
    await w.close();
  });

  it('filters by state: drifted, and waiting for approval', async () => {
    const w = await world();
    // The cluster runs what Git does not declare, with no change in Git explaining it:
    // payments' staging (declares v3, runs v2) and search's production (declares v0, runs v1).
    const drifted = await request(w.app)
      .get('/fleet?state=drifted')
      .expect(200);
    expect(refs(drifted.body)).toEqual([
      'component:default/payments',
      'component:default/search',
    ]);
    const [payments, search] = drifted.body.services;
    expect(
      payments.environments.map((e: { flags: string[] }) => e.flags),
    ).toEqual([[], ['drifted'], []]);
    expect(
      search.environments.map((e: { flags: string[] }) => e.flags),
    ).toEqual([[], [], ['drifted']]);

    // A production promotion of checkout waits for two approvals.
    w.clock.advance(2 * 3600_000);
    await w.service.request(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      { target: 'production' },
      { credentials: mockCredentials.user('user:default/alice') },
    );
    const waiting = await request(w.app)
      .get('/fleet?state=waiting-for-approval')
      .expect(200);
    expect(refs(waiting.body)).toEqual(['component:default/checkout']);
    const production = cell(waiting.body.services[0], 'production');
    expect(production.inFlight).toMatchObject({
      state: 'awaiting-approval',
      requestedBy: 'user:default/alice',
      version: { tag: 'v2' },
    });
    await w.close();
  });

  it('pages with a cursor and reads only the page when no filter needs environments', async () => {
    const w = await world();
    const first = await request(w.app).get('/fleet?limit=2').expect(200);
    expect(refs(first.body)).toEqual([
      'component:default/checkout',
      'component:default/payments',
    ]);
    expect(first.body.total).toBe(3);
    expect(w.readEntityChain).toHaveBeenCalledTimes(2);
    const second = await request(w.app)
      .get(`/fleet?limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(refs(second.body)).toEqual(['component:default/search']);
    expect(second.body.nextCursor).toBeUndefined();
    await w.close();
  });

  it('refuses bad queries with 400 and the field', async () => {
    const w = await world();
    for (const [query, field] of [
      ['state=broken', 'state'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['owner=system:default/shop', 'owner'],
      ['scope=component:default/checkout', 'scope'],
      ['cursor=bm9wZQ', ''],
      ['unknown=1', ''],
    ]) {
      const res = await request(w.app).get(`/fleet?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(field);
    }
    expect(w.readEntityChain).not.toHaveBeenCalled();
    await w.close();
  });

  it('refuses mine for a service principal', async () => {
    const w = await world();
    w.as(mockCredentials.service('plugin:catalog'));
    const res = await request(w.app).get('/fleet?mine=true');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'mine' needs a signed-in user");
    await w.close();
  });
});

describe('GET /approvals/mine', () => {
  it('lists a pending production promotion for an approver, not for its requester', async () => {
    const w = await world();
    w.clock.advance(2 * 3600_000);
    await w.service.request(
      { kind: 'component', namespace: 'default', name: 'checkout' },
      { target: 'production' },
      { credentials: mockCredentials.user('user:default/alice') },
    );
    const forAlice = await request(w.app).get('/approvals/mine').expect(200);
    expect(forAlice.body.promotions).toEqual([]);

    w.as(BOB);
    const forBob = await request(w.app).get('/approvals/mine').expect(200);
    expect(forBob.body.promotions).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/checkout',
        source: 'staging',
        target: 'production',
        requestedBy: 'user:default/alice',
        approvalsRequired: 2,
        approvals: 0,
      }),
    ]);

    // Without promote.protected on checkout, Bob could not approve into production.
    w.denied.add('environments.promote.protected');
    const authorize = w.permissions.authorize as unknown as jest.Mock;
    authorize.mockImplementation(
      async (requests: Array<{ permission: { name: string } }>) =>
        requests.map(r => ({
          result: w.denied.has(r.permission.name) ? 'DENY' : 'ALLOW',
        })),
    );
    const withoutProtected = await request(w.app)
      .get('/approvals/mine')
      .expect(200);
    expect(withoutProtected.body.promotions).toEqual([]);
    await w.close();
  });
});
