import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  Authorization,
  EntityPermission,
} from '../authorization/Authorization';
import type { Promotion } from '@stageline/plugin-environments-common';
import type { PromotionStore } from '../promotions/types';
import { lackingInBatches } from './lackingInBatches';

/**
 * What the fleet's views read across services: the catalog (with the caller's credentials),
 * permission decisions in batches (see lackingInBatches) and the promotion store.
 */
export type FleetReads = {
  catalog: typeof catalogServiceRef.T;
  authorization: Pick<Authorization, 'lackingOn' | 'uniformDecision'>;
  store: Pick<PromotionStore, 'listInFlight' | 'listUnacknowledgedBreakGlass'>;
};

/**
 * The entities of `refs` the caller may read in the catalog (one read with the caller's
 * credentials, so catalog read rules apply) and holds every one of `permissions` on (decided in
 * batches), by ref. A ref missing from the answer must not be shown to the caller.
 */
export async function permittedEntities(
  reads: FleetReads,
  refs: string[],
  permissions: EntityPermission[],
  credentials: BackstageCredentials,
): Promise<Map<string, Entity>> {
  const permitted = new Map<string, Entity>();
  if (refs.length === 0) return permitted;
  const { items } = await reads.catalog.getEntitiesByRefs(
    { entityRefs: refs },
    { credentials },
  );
  for (const entity of items) {
    if (entity) permitted.set(stringifyEntityRef(entity), entity);
  }
  const lacking = await lackingInBatches(
    reads.authorization,
    [...permitted.keys()],
    permissions,
    credentials,
  );
  for (const ref of lacking) permitted.delete(ref);
  return permitted;
}

/** What every list of waiting promotions says of one: what moves where, who asked, when, why. */
export function waitingPromotionFields(p: Promotion) {
  return {
    id: p.id,
    entityRef: p.entityRef,
    source: p.source,
    target: p.target,
    version: p.version,
    requestedBy: p.requestedBy,
    reason: p.reason,
    createdAt: p.createdAt,
  };
}
