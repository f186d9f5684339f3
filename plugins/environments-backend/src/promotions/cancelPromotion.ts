import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { Promotion } from '@stageline/plugin-environments-common';
import type { PromotionRunner } from './types';
import type { PromotionDeps } from './PromotionDeps';
import { requireCanceller } from './requireCanceller';

/**
 * Cancels a promotion not yet written. The requester, or someone who may promote into the
 * target, cancels (see requireCanceller); who did is kept on the promotion.
 */
export async function cancelPromotion(
  deps: PromotionDeps,
  engine: PromotionRunner,
  promotion: Promotion,
  credentials: BackstageCredentials,
  actor: string,
): Promise<Promotion> {
  await requireCanceller(deps, promotion, credentials);
  const cancelled = await engine.finish(
    promotion,
    ['requested', 'awaiting-approval'],
    'cancelled',
    {
      stateReason: `Cancelled by ${actor}`,
      actor,
      patch: { cancelledBy: actor },
    },
  );
  if (cancelled.state !== 'cancelled') {
    throw new ConflictError(
      `Promotion ${promotion.id} is ${cancelled.state}: only a promotion not yet written can be cancelled`,
    );
  }
  return cancelled;
}
