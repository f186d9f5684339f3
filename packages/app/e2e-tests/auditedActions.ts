import type { ApiPromotionDetail } from './apiTypes';
import { environmentsApi } from './environmentsApi';

/** The audit trail's actions, among `expected`, in the order they happened. */
export async function auditedActions(
  id: string,
  expected: string[],
): Promise<string[]> {
  const detail = await environmentsApi<ApiPromotionDetail>(
    'guest',
    `/promotions/${id}`,
  );
  return detail.events
    .filter(event => expected.includes(event.action))
    .map(event => `${event.action} by ${event.actor}`);
}
