import { expect, Page } from '@playwright/test';

/** Signs out from the settings page, back to the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'more' }).click();
  await page.getByRole('menuitem', { name: 'Sign Out' }).click();
  await expect(page.getByRole('button', { name: 'Enter' })).toBeVisible();
}
