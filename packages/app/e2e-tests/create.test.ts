import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('the Create page offers the service-with-environments template', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(
    page.getByText('Service with environments', { exact: true }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByText(/a preview overlay per pull request/),
  ).toBeVisible();
});
