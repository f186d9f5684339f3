import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import { entitySummary } from './entitySummary';
import { matchesEntity } from './fleetFilters';
import { scopeCatalogFilters } from './scopeCatalogFilter';

const component = (
  name: string,
  spec: Record<string, string>,
  relations: Entity['relations'] = [],
  namespace = 'default',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
  spec,
  relations,
});

describe('scopeCatalogFilters', () => {
  it("lists a System's components by relation or however spec.system names it", async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('by-relation', {}, [
          { type: 'partOf', targetRef: 'system:default/shop' },
        ]),
        component('short', { system: 'shop' }),
        component('full', { system: 'system:default/shop' }),
        component('other', { system: 'bank' }),
        // In another namespace `shop` is another System: listed (a superset), then left out.
        component('elsewhere', { system: 'shop' }, [], 'ns2'),
      ],
    });
    const scope = { kind: 'system' as const, ref: 'system:default/shop' };
    const { items } = await catalog.getEntities(
      { filter: scopeCatalogFilters(scope) },
      { credentials: mockCredentials.user() },
    );
    expect(items.map(e => e.metadata.name).sort()).toEqual([
      'by-relation',
      'elsewhere',
      'full',
      'short',
    ]);
    expect(
      items
        .filter(e => matchesEntity(entitySummary(e), { scope }))
        .map(e => e.metadata.name)
        .sort(),
    ).toEqual(['by-relation', 'full', 'short']);
  });

  it("lists a Group's components by ownedBy or spec.owner", async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('owned', {}, [
          { type: 'ownedBy', targetRef: 'group:default/team-a' },
        ]),
        component('written', { owner: 'group:team-a' }),
        component('someone-else', { owner: 'team-b' }),
      ],
    });
    const { items } = await catalog.getEntities(
      {
        filter: scopeCatalogFilters({
          kind: 'group',
          ref: 'group:default/team-a',
        }),
      },
      { credentials: mockCredentials.user() },
    );
    expect(items.map(e => e.metadata.name).sort()).toEqual([
      'owned',
      'written',
    ]);
    expect(scopeCatalogFilters(undefined)).toBeUndefined();
  });
});
