import type { Entity } from '@backstage/catalog-model';
import type { EntityContext } from '../catalog/EntityContext';
import { resolveEntityContext } from '../catalog/resolveEntityContext';
import { SingleFlight } from '../gitops/SingleFlight';
import { normalizeSelector } from './normalizeSelector';

type Index = Map<string, EntityContext[]>;

/**
 * Which catalog entities claim which workload selector. The index is built from one catalog
 * query and kept for `ttlMs` (refreshed in the background after that), so a view never fans out
 * to the catalog. An entity registered since the last refresh is still checked against every
 * older claim when it is viewed.
 */
export class WorkloadClaims {
  readonly #listEntities: () => Promise<Entity[]>;
  readonly #overlaysPath: string;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #flight = new SingleFlight<Index>();
  #index?: Index;
  #builtAt = -Infinity;

  constructor(options: {
    /** Every entity with Kubernetes annotations, read with the plugin's own credentials. */
    listEntities: () => Promise<Entity[]>;
    overlaysPath: string;
    ttlMs?: number;
    now?: () => number;
  }) {
    this.#listEntities = options.listEntities;
    this.#overlaysPath = options.overlaysPath;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Other entities whose workload selector is the same as `ctx`'s. */
  async othersClaiming(ctx: EntityContext): Promise<EntityContext[]> {
    const selector = normalizeSelector(ctx.labelSelector);
    if (selector === undefined) return [];
    const index = await this.#read();
    const self = ctx.entityRef.toLocaleLowerCase('en-US');
    return (index.get(selector) ?? []).filter(
      other => other.entityRef.toLocaleLowerCase('en-US') !== self,
    );
  }

  async #read(): Promise<Index> {
    const due = this.#now() - this.#builtAt >= this.#ttlMs;
    if (this.#index) {
      if (due) this.#build().catch(() => {});
      return this.#index;
    }
    return this.#build();
  }

  #build(): Promise<Index> {
    return this.#flight.run('index', async () => {
      const index: Index = new Map();
      for (const entity of await this.#listEntities()) {
        const ctx = contextOf(entity, this.#overlaysPath);
        const selector = ctx && normalizeSelector(ctx.labelSelector);
        if (!ctx || selector === undefined) continue;
        index.set(selector, [...(index.get(selector) ?? []), ctx]);
      }
      this.#index = index;
      this.#builtAt = this.#now();
      return index;
    });
  }
}

function contextOf(
  entity: Entity,
  overlaysPath: string,
): EntityContext | undefined {
  try {
    return resolveEntityContext(entity, { overlaysPath });
  } catch {
    return undefined;
  }
}
