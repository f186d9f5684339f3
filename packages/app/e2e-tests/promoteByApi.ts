import type { ApiPromotion } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { environmentsApi } from './environmentsApi';
import { promotionInState } from './promotionInState';
import { waitUntilSettled } from './waitUntilSettled';

/**
 * Promotes checkout into `target` through the API as `user` (a step a test needs done, not the
 * one it tests), waits until it succeeded and the chain settled, and returns it.
 */
export async function promoteByApi(
  target: string,
  reason: string,
  user = 'guest',
): Promise<ApiPromotion> {
  const requested = await environmentsApi<ApiPromotion>(
    user,
    `${CHECKOUT.apiPath}/promotions`,
    { target, reason },
  );
  const promotion = await promotionInState(requested.id, 'succeeded');
  await waitUntilSettled();
  return promotion;
}
