import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { entitySummary, type EntitySummary } from './entitySummary';

/** A service as the catalog listed it, with what the fleet derives from the entity. */
export type ListedService = {
  ref: string;
  entity: Entity;
  /** This version of the entity: its etag when the catalog gave one, else its JSON. */
  fingerprint: string;
  /** Owner, system and lifecycle as full refs, for the filters and the row. */
  summary: EntitySummary;
};

/**
 * What the fleet derives from each listed entity (ref, summary, fingerprint), kept per entity ref
 * while the entity stays the same, so a call over thousands of services does not derive them all
 * again. The catalog's `metadata.etag` changes on every edit of the entity (relations included),
 * so with it an unchanged entity costs a map lookup; without it, its JSON is compared. Holds only
 * facts about entities some caller was allowed to list: it never decides who sees what.
 */
export class ListedServices {
  readonly #byRef = new Map<string, ListedService>();

  /** The listed service of `entity`, reused while its fingerprint is unchanged. */
  describe(entity: Entity): ListedService {
    const ref = stringifyEntityRef(entity);
    const etag = entity.metadata.etag;
    const fingerprint = etag ? `etag:${etag}` : JSON.stringify(entity);
    const known = this.#byRef.get(ref);
    if (known?.fingerprint === fingerprint) return known;
    const listed: ListedService = {
      ref,
      entity,
      fingerprint,
      summary: entitySummary(entity),
    };
    this.#byRef.set(ref, listed);
    return listed;
  }

  /** Forgets every service but `listed`: call with a whole (unscoped) list. */
  retainOnly(listed: ListedService[]): void {
    if (this.#byRef.size <= listed.length) return;
    const kept = new Set(listed.map(l => l.ref));
    for (const ref of this.#byRef.keys()) {
      if (!kept.has(ref)) this.#byRef.delete(ref);
    }
  }

  get size(): number {
    return this.#byRef.size;
  }
}
