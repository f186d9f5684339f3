import { expect } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { environmentsApi } from './environmentsApi';

/** Waits until the promotion is in `state` (as the guest reads it) and returns it. */
export async function promotionInState(
  id: string,
  state: string,
  timeout = 60_000,
): Promise<ApiPromotion> {
  const read = () =>
    environmentsApi<ApiPromotion>('guest', `/promotions/${id}`);
  await expect
    .poll(async () => (await read()).state, { timeout, intervals: [500] })
    .toBe(state);
  return read();
}
