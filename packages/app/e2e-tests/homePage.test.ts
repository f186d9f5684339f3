import { expect, test } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { environmentsApi } from './environmentsApi';
import { keepMainAsFound } from './keepMainAsFound';
import { signInAsGuest } from './signInAsGuest';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// The home page with no internet: only the app and its backend answer.

test.use({ viewport: WIDE_VIEWPORT });

keepMainAsFound();

test('the home page lists the user’s services and what awaits approval, and nothing on it fails offline', async ({
  page,
}) => {
  await page.route(
    url => !['localhost', '127.0.0.1'].includes(url.hostname),
    route => route.abort('internetdisconnected'),
  );
  const requested = await environmentsApi<ApiPromotion>(
    'carol',
    `${CHECKOUT.apiPath}/promotions`,
    { target: 'production', reason: `e2e: home page (${Date.now()})` },
  );
  expect(requested.state).toBe('awaiting-approval');

  await signInAsGuest(page);
  await page.goto('/home');
  const services = page.getByRole('list', { name: 'Your services' });
  await expect(
    services.getByRole('link', { name: 'checkout', exact: true }),
  ).toHaveAttribute('href', '/catalog/default/component/checkout/environments');
  const awaiting = services.getByRole('list', {
    name: 'Awaiting approval: checkout',
  });
  await expect(awaiting.getByRole('listitem')).toContainText(
    'Promotion into production awaits approval: 0 of 2, requested by Carol Release Manager',
  );

  // Every card rendered, and no error anywhere (no failed card, no error toast).
  for (const title of ['Your services', 'Getting Started', 'Toolkit']) {
    await expect(page.getByText(title, { exact: true }).first()).toBeVisible();
  }
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/Failed to fetch|Error:/)).toHaveCount(0);

  await awaiting
    .getByRole('link', { name: 'Promotion into production' })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/environments/promotions/${requested.id}$`),
  );
  await expect(
    page.getByRole('group', { name: 'Promotion facts' }),
  ).toContainText('e2e: home page');
});
