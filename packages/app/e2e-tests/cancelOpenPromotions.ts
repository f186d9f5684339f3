import type { ApiPromotion } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { environmentsApi } from './environmentsApi';

const CANCELLABLE = ['requested', 'awaiting-approval'];

/** Cancels checkout's promotions still waiting (left by an earlier, interrupted run). */
export async function cancelOpenPromotions(): Promise<void> {
  const { promotions } = await environmentsApi<{ promotions: ApiPromotion[] }>(
    'guest',
    `${CHECKOUT.apiPath}/promotions`,
  );
  for (const promotion of promotions) {
    if (CANCELLABLE.includes(promotion.state)) {
      await environmentsApi('guest', `/promotions/${promotion.id}/cancel`, {});
    }
  }
}
