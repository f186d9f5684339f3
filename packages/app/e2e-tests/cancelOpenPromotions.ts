import type { ApiPromotion } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { environmentsApi } from './environmentsApi';
import type { ExampleService } from './ExampleService';

const CANCELLABLE = ['requested', 'awaiting-approval'];

/** Cancels a service's promotions still waiting (left by an earlier, interrupted run). */
export async function cancelOpenPromotions(
  service: ExampleService = CHECKOUT,
): Promise<void> {
  const { promotions } = await environmentsApi<{ promotions: ApiPromotion[] }>(
    'guest',
    `${service.apiPath}/promotions`,
  );
  for (const promotion of promotions) {
    if (CANCELLABLE.includes(promotion.state)) {
      await environmentsApi('guest', `/promotions/${promotion.id}/cancel`, {});
    }
  }
}
