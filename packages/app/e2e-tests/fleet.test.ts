import { expect, test, type Page } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { environmentsApi } from './environmentsApi';
import { keepMainAsFound } from './keepMainAsFound';
import { signInAs } from './signInAs';
import { signInAsGuest } from './signInAsGuest';
import { signOut } from './signOut';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// Every service's environments at once: the Environments page, the System card, and what awaits
// a person's approval across services (on the page and on the home page).

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(180_000);

keepMainAsFound();

async function openEnvironmentsPage(page: Page) {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Environments', exact: true })
    .click();
  await expect(page).toHaveURL(/\/environments/);
}

test('the Environments page lists the example services with their environments and states', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openEnvironmentsPage(page);
  const table = page.getByRole('table', { name: 'Services by environment' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Service',
    'qa',
    'staging',
    'production',
  ]);
  for (const service of ['checkout', 'payments']) {
    const row = table.getByRole('row').filter({
      has: page.getByRole('link', { name: service, exact: true }),
    });
    await expect(row).toContainText('In sync');
  }
  await table.getByRole('link', { name: 'checkout', exact: true }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout\/environments$/,
  );
});

test("the shop System's card shows its components' environments", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/system/shop');
  const table = page.getByRole('table', {
    name: "Environments of shop's components",
  });
  await expect(
    table.getByRole('link', { name: 'checkout', exact: true }),
  ).toBeVisible();
  await expect(
    table.getByRole('link', { name: 'payments', exact: true }),
  ).toBeVisible();
  // Not deployed through Stageline: no environments, so not listed.
  await expect(table.getByRole('link', { name: 'shop-docs' })).toHaveCount(0);
});

test('a pending production promotion awaits the approver, not its requester, on the page and the home page', async ({
  page,
}) => {
  const promotion = await environmentsApi<ApiPromotion>(
    'carol',
    `${CHECKOUT.apiPath}/promotions`,
    { target: 'production', reason: `e2e: awaiting (${Date.now()})` },
  );
  expect(promotion.state).toBe('awaiting-approval');
  const detailPath = `/catalog/default/component/checkout/environments/promotions/${promotion.id}`;

  await signInAs(page, 'alice');
  await page.goto('/home');
  const card = page.getByRole('list', { name: 'Awaiting your approval' });
  await expect(
    card.getByRole('link', { name: 'checkout: promotion into production' }),
  ).toHaveAttribute('href', detailPath);
  await openEnvironmentsPage(page);
  const mine = page.getByRole('table', { name: 'Awaiting my approval' });
  const awaitingRow = mine.getByRole('row').filter({ hasText: 'checkout' });
  await expect(awaitingRow).toHaveCount(1);
  await expect(awaitingRow).toContainText('Carol Release Manager');

  await signOut(page);
  await signInAs(page, 'carol');
  await page.goto('/home');
  await expect(page.getByText('Nothing awaits your approval.')).toBeVisible();
  await openEnvironmentsPage(page);
  await expect(
    page.getByText('Nothing awaits your approval.').first(),
  ).toBeVisible();
});
