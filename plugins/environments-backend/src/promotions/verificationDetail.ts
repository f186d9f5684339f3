import type { PromotionDetail } from '@stageline/plugin-environments-common';
import type { PromotionDeps } from './PromotionDeps';

/** What verification found for a promotion, for its detail; nothing before it began. */
export async function verificationDetail(
  deps: Pick<PromotionDeps, 'verifier'>,
  promotionId: string,
): Promise<Pick<PromotionDetail, 'verification'>> {
  const stored = await deps.verifier.store.get(promotionId);
  if (!stored?.startedAt) return {};
  return {
    verification: {
      ...(stored.outcome && { outcome: stored.outcome }),
      results: stored.results,
      ...(stored.rollbackPromotionId && {
        rollbackPromotionId: stored.rollbackPromotionId,
      }),
      ...(stored.rollbackNote && { rollbackNote: stored.rollbackNote }),
    },
  };
}
