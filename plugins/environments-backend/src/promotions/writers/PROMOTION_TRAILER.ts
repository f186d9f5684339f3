/** The trailer every Stageline write carries, so a retried write is found instead of repeated. */
export const PROMOTION_TRAILER = 'Stageline-Promotion';

/** The trailer line of one promotion: `Stageline-Promotion: <id>`. */
export function promotionTrailer(promotionId: string): string {
  return `${PROMOTION_TRAILER}: ${promotionId}`;
}
