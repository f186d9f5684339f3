import type { Promotion } from './types';

/**
 * One entry of a promotion's audit trail.
 *
 * @public
 */
export type PromotionEvent = {
  at: string;
  actor: string;
  action: string;
  result: 'succeeded' | 'failed' | 'refused';
  message?: string;
  link?: string;
};

/**
 * One entry of a service's history: an event of one of its promotions, a refused attempt, or a
 * preview's keep, extend or delete (by a person, or `stageline:reaper`).
 *
 * @public
 */
export type HistoryEvent = PromotionEvent & {
  /** The promotion it belongs to; absent for preview events and refused requests. */
  promotionId?: string;
  /** The environment it is about; for `preview.*` actions, the preview namespace. */
  environment?: string;
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/history`: the newest page of the service's
 * history, oldest first.
 *
 * @public
 */
export type ServiceHistoryPage = {
  entityRef: string;
  events: HistoryEvent[];
  /**
   * Opaque cursor: pass it as `before` to the same route for the page of older events. Absent
   * when there are none.
   */
  olderEventsCursor?: string;
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/promotions`: newest first.
 *
 * @public
 */
export type PromotionsResponse = {
  entityRef: string;
  promotions: Promotion[];
};

/**
 * One page of a promotion's audit events, oldest first.
 *
 * @public
 */
export type PromotionEventsPage = {
  events: PromotionEvent[];
  /**
   * Opaque cursor: pass it as `before` to `GET /promotions/:id/events` for the page of older
   * events. Absent when there are none.
   */
  olderEventsCursor?: string;
};

/**
 * One verification check's latest result with its reason, e.g. check `GET /health`, failed,
 * because the URL answered 503 where 200 was expected.
 *
 * @public
 */
export type VerificationCheckResult = {
  check: string;
  passed: boolean;
  reason: string;
  /** When it ran, ISO 8601. */
  at: string;
};

/**
 * Response of `GET /promotions/:id`: the promotion with the newest page of its audit events,
 * and, once its target verified it, the latest result of each verification check.
 *
 * @public
 */
export type PromotionDetail = Promotion &
  PromotionEventsPage & {
    verification?: {
      outcome?: 'passed' | 'failed';
      results: VerificationCheckResult[];
      /** The rollback a failed verification wrote. */
      rollbackPromotionId?: string;
      /** Why no rollback was written after a failed verification, when none could be. */
      rollbackNote?: string;
    };
  };
