import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { Authorization } from '../authorization/Authorization';
import type { PromotionStore } from '../promotions/types';

/**
 * What the fleet's views read across services: the catalog (with the caller's credentials),
 * permission decisions in batches (see lackingInBatches) and the promotions in flight.
 */
export type FleetReads = {
  catalog: typeof catalogServiceRef.T;
  authorization: Pick<Authorization, 'lackingOn' | 'uniformDecision'>;
  store: Pick<PromotionStore, 'listInFlight'>;
};
