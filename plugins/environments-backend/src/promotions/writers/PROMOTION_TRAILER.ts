/** The trailer every Stageline write carries, so a retried write is found instead of repeated. */
export const PROMOTION_TRAILER = 'Stageline-Promotion';
