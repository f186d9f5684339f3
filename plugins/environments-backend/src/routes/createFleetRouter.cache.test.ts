import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { environmentsReadPermission } from '@stageline/plugin-environments-common';
import type { FleetResponse } from '@stageline/plugin-environments-common';
import request from 'supertest';
import { fleetWorld, shopService } from '../__testUtils__/fleetWorld';
import { kustomization } from '../promotions/__testUtils__/kustomization';
import { version } from '../promotions/__testUtils__/promotionWorld';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

// checkout runs qa v3, staging v2, production v1; payments declares staging v3 (drifted there);
// vault declares the same as checkout and is readable until a test denies it.
const extra = [
  {
    entity: shopService('payments'),
    declared: { qa: 'v3', staging: 'v3', production: 'v1' },
  },
  {
    entity: shopService('vault'),
    declared: { qa: 'v3', staging: 'v2', production: 'v1' },
  },
];

const refs = (body: FleetResponse) => body.services.map(s => s.entityRef);
const readNames = (mock: jest.SpyInstance) =>
  mock.mock.calls.map(([entity]) => entity.metadata.name);

describe('GET /fleet chain state cache', () => {
  it('reuses each chain state across filtered calls, answers past the TTL while reading again, never past twice the TTL', async () => {
    const w = await fleetWorld(databases, extra);
    const first = await request(w.app).get('/fleet?state=drifted').expect(200);
    expect(refs(first.body)).toEqual(['component:default/payments']);
    expect(readNames(w.readEntityChain).sort()).toEqual([
      'checkout',
      'payments',
      'vault',
    ]);

    // Payments now declares what runs: within the TTL the fleet still answers from memory.
    w.repo.files.set(
      'payments/overlays/staging/kustomization.yaml',
      kustomization(version('v2')),
    );
    const again = await request(w.app).get('/fleet?state=drifted').expect(200);
    expect(refs(again.body)).toEqual(['component:default/payments']);
    const page = await request(w.app).get('/fleet?search=pay').expect(200);
    expect(refs(page.body)).toEqual(['component:default/payments']);
    expect(w.readEntityChain).toHaveBeenCalledTimes(3);

    // Past the TTL: the last answer once more while each service is read again in the background.
    w.clock.advance(w.config.gitops.cacheTtlMs);
    const stale = await request(w.app).get('/fleet?state=drifted').expect(200);
    expect(refs(stale.body)).toEqual(['component:default/payments']);
    expect(w.readEntityChain).toHaveBeenCalledTimes(6);
    await Promise.all(w.readEntityChain.mock.results.map(r => r.value));
    const fresh = await request(w.app).get('/fleet?state=drifted').expect(200);
    expect(refs(fresh.body)).toEqual([]);
    expect(w.readEntityChain).toHaveBeenCalledTimes(6);

    // Past twice the TTL nothing old is answered: the call reads each service itself.
    w.repo.files.set(
      'payments/overlays/staging/kustomization.yaml',
      kustomization(version('v3')),
    );
    w.clock.advance(2 * w.config.gitops.cacheTtlMs);
    const cold = await request(w.app).get('/fleet?state=drifted').expect(200);
    expect(refs(cold.body)).toEqual(['component:default/payments']);
    expect(w.readEntityChain).toHaveBeenCalledTimes(9);
    await w.close();
  });

  it('never serves a cached row to a caller who may no longer read the service', async () => {
    const w = await fleetWorld(databases, extra);
    const before = await request(w.app).get('/fleet?search=v').expect(200);
    expect(refs(before.body)).toContain('component:default/vault');
    expect(w.readEntityChain).toHaveBeenCalledTimes(3);

    w.deny.add('component:default/vault');
    for (const query of ['', '?search=v', '?state=drifted']) {
      const res = await request(w.app).get(`/fleet${query}`).expect(200);
      expect(refs(res.body)).not.toContain('component:default/vault');
      expect(JSON.stringify(res.body)).not.toContain('vault');
    }
    const all = await request(w.app).get('/fleet').expect(200);
    expect(all.body.total).toBe(2);
    // Every row above came from memory; none read vault again.
    expect(w.readEntityChain).toHaveBeenCalledTimes(3);
    await w.close();
  });

  it('reads a service again when its catalog entity changed', async () => {
    const w = await fleetWorld(databases, extra);
    await request(w.app).get('/fleet?search=v').expect(200);
    expect(w.readEntityChain).toHaveBeenCalledTimes(3);
    // The same projected list the fleet got, with payments retitled.
    const listed = await w.getEntities.mock.results[0].value;
    const items = structuredClone(listed.items) as Entity[];
    const payments = items.find(e => e.metadata.name === 'payments')!;
    payments.metadata.title = 'Payments API';
    w.getEntities.mockResolvedValueOnce({ items });

    const res = await request(w.app).get('/fleet?search=payments').expect(200);
    expect(res.body.services[0].title).toBe('Payments API');
    expect(readNames(w.readEntityChain).slice(3)).toEqual(['payments']);
    await w.close();
  });

  it('asks once when the policy allows environments.read outright, per service again once it does not', async () => {
    const w = await fleetWorld(databases, extra);
    const authorize = w.permissions.authorize as unknown as jest.Mock;
    const authorizeConditional = w.permissions
      .authorizeConditional as unknown as jest.Mock;
    authorizeConditional.mockResolvedValue([{ result: AuthorizeResult.ALLOW }]);
    const all = await request(w.app).get('/fleet?state=drifted').expect(200);
    expect(refs(all.body)).toEqual(['component:default/payments']);
    expect(authorizeConditional).toHaveBeenCalledWith(
      [{ permission: environmentsReadPermission }],
      { credentials: expect.anything() },
    );
    expect(authorize).not.toHaveBeenCalled();

    // Now a conditional answer: each service is asked, and the refused one is gone at once,
    // though its chain state is in memory.
    authorizeConditional.mockResolvedValue([
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: [] } },
      },
    ]);
    w.deny.add('component:default/vault');
    const some = await request(w.app).get('/fleet?search=v').expect(200);
    expect(refs(some.body)).not.toContain('component:default/vault');
    expect(authorize).toHaveBeenCalled();

    // An outright DENY: nothing is listed, and nothing is read past the decision.
    authorizeConditional.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    const reads = w.readEntityChain.mock.calls.length;
    const none = await request(w.app).get('/fleet?search=v').expect(200);
    expect(none.body).toMatchObject({ services: [], total: 0 });
    expect(w.readEntityChain).toHaveBeenCalledTimes(reads);
    await w.close();
  });

  it('keys a service by its catalog etag: the same etag is answered from memory, a new one read again', async () => {
    const w = await fleetWorld(databases, extra);
    // The catalog stamps a new etag on every edit: the fleet trusts it rather than comparing the
    // whole entity, so a listing with the same etags is the same even as other objects.
    let listing = 0;
    const stamp = async (etags: Record<string, string>) => {
      listing++;
      const { items } = await w.catalog.getEntities({
        filter: { kind: 'component' },
      });
      return items.map(e => ({
        ...e,
        metadata: {
          ...e.metadata,
          etag: etags[e.metadata.name] ?? 'e1',
          labels: { listing: String(listing) },
        },
      })) as Entity[];
    };
    w.getEntities.mockResolvedValueOnce({ items: await stamp({}) });
    await request(w.app).get('/fleet?search=v').expect(200);
    const first = w.readEntityChain.mock.calls.length;
    expect(first).toBeGreaterThan(0);

    // New objects, same etags: nothing is read again.
    w.getEntities.mockResolvedValueOnce({ items: await stamp({}) });
    await request(w.app).get('/fleet?search=v').expect(200);
    expect(w.readEntityChain).toHaveBeenCalledTimes(first);

    // Payments edited (a new etag): only payments is read again.
    w.getEntities.mockResolvedValueOnce({
      items: await stamp({ payments: 'e2' }),
    });
    await request(w.app).get('/fleet?search=v').expect(200);
    expect(readNames(w.readEntityChain).slice(first)).toEqual(['payments']);
    await w.close();
  });
});
