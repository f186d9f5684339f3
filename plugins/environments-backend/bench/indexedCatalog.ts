import { createHash } from 'node:crypto';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  type CompoundEntityRef,
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';

type ListRequest = Parameters<InMemoryCatalogClient['getEntities']>[0];
type ListResponse = Awaited<ReturnType<InMemoryCatalogClient['getEntities']>>;

function withEtag(entity: Entity): Entity {
  const etag = createHash('sha1').update(JSON.stringify(entity)).digest('hex');
  return { ...entity, metadata: { ...entity.metadata, etag } };
}

class IndexedCatalogClient extends InMemoryCatalogClient {
  readonly #byRef: Map<string, Entity>;
  readonly #lists = new Map<string, Promise<ListResponse>>();

  constructor(entities: Entity[]) {
    super({ entities });
    this.#byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  }

  override async getEntityByRef(
    entityRef: string | CompoundEntityRef,
  ): Promise<Entity | undefined> {
    return this.#byRef.get(stringifyEntityRef(parseEntityRef(entityRef)));
  }

  // A whole list by filter, answered once per filter: the entities never change here.
  // The in-memory client takes no request options (credentials), so neither does this.
  override async getEntities(request?: ListRequest): Promise<ListResponse> {
    if (request?.offset || request?.limit || request?.after || request?.order) {
      return super.getEntities(request);
    }
    const key = JSON.stringify([request?.filter, request?.fields]);
    let list = this.#lists.get(key);
    if (!list) {
      list = super.getEntities(request);
      this.#lists.set(key, list);
    }
    return list;
  }
}

/**
 * The benchmark's catalog: Backstage's in-memory catalog, with an etag on each entity as the
 * catalog serves it, except that an entity is looked up by
 * its ref in a map, as the real catalog looks it up by an indexed column. The in-memory client
 * rebuilds a map of every entity on each lookup, which at 5,000 services costs more per view
 * than everything Stageline does, and would measure the stand-in rather than the plugin. For the
 * same reason a list by filter (the fleet's) is computed once: the in-memory client builds every
 * entity's search terms again on each list, where the real catalog queries its search table.
 */
export function indexedCatalogFactory(entities: Entity[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    // Each entity with an etag, as the catalog stamps every entity it serves (a new one on every
    // change); the in-memory client serves entities as given.
    factory: () => new IndexedCatalogClient(entities.map(withEtag)),
  });
}
