import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';

class IndexedCatalogClient extends InMemoryCatalogClient {
  readonly #byRef: Map<string, Entity>;

  constructor(entities: Entity[]) {
    super({ entities });
    this.#byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  }

  override async getEntityByRef(
    entityRef: string | Parameters<typeof stringifyEntityRef>[0],
  ): Promise<Entity | undefined> {
    return this.#byRef.get(stringifyEntityRef(parseEntityRef(entityRef)));
  }
}

/**
 * The benchmark's catalog: Backstage's in-memory catalog, except that an entity is looked up by
 * its ref in a map, as the real catalog looks it up by an indexed column. The in-memory client
 * rebuilds a map of every entity on each lookup, which at 5,000 services costs more per view
 * than everything Stageline does, and would measure the stand-in rather than the plugin.
 */
export function indexedCatalogFactory(entities: Entity[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => new IndexedCatalogClient(entities),
  });
}
