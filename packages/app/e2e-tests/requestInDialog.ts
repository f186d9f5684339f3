import { expect, Locator, Page } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';

/** Types a reason, clicks Request promotion and returns the promotion the backend created. */
export async function requestInDialog(
  page: Page,
  dialog: Locator,
  reason: string,
): Promise<ApiPromotion> {
  await dialog.getByLabel('Reason').fill(reason);
  const created = page.waitForResponse(
    res =>
      res.request().method() === 'POST' &&
      /\/api\/environments\/entities\/component\/default\/checkout\/promotions$/i.test(
        res.url(),
      ),
  );
  await dialog.getByRole('button', { name: 'Request promotion' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  return (await response.json()) as ApiPromotion;
}
