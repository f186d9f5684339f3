import type { ChainReadiness } from '../promotions/ChainReadiness';
import type { PromotionEngine } from '../promotions/engine/PromotionEngine';
import type { PromotionService } from '../promotions/PromotionService';
import type { PromotionStore } from '../promotions/types';

/** The promotion service with the engine the scheduler drives and the store it uses. */
export type Promotions = {
  service: PromotionService;
  engine: PromotionEngine;
  store: PromotionStore;
  /** What promoting into each environment of a chain would take now. */
  readiness: ChainReadiness;
};
