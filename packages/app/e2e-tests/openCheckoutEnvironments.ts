import { expect, Page } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

/** Signs in as the guest and opens checkout's Environments tab from the catalog. */
export async function openCheckoutEnvironments(page: Page): Promise<void> {
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'checkout', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout/);
  // Entity page tabs are links in the new frontend system; the sidebar has an Environments link
  // too (the page of every service's environments).
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Environments', exact: true })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout\/environments$/,
  );
}
