import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { cancelOpenPromotions } from './cancelOpenPromotions';
import { CHECKOUT } from './CHECKOUT';
import { closeDialog } from './closeDialog';
import { environmentsApi } from './environmentsApi';
import { openCheckoutEnvironments } from './openCheckoutEnvironments';
import { openPromoteDialog } from './openPromoteDialog';
import { signInAsGuest } from './signInAsGuest';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Scoped to the plugin's own markup: the app's chrome (sidebar, header) is Backstage's.
async function violations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page })
    .include(selector)
    .withTags(WCAG_21_AA)
    .analyze();
  return result.violations.map(
    v =>
      `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`,
  );
}

test.use({ viewport: WIDE_VIEWPORT });

test('the Environments tab has no WCAG 2.1 AA violations', async ({ page }) => {
  await openCheckoutEnvironments(page);
  await expect(
    page.getByRole('list', { name: 'Promotion chain' }).getByRole('listitem'),
  ).toHaveCount(3);
  // Each card shows its GitOps agent (the demo cluster's Argo CD Application), scanned with it.
  await expect(
    page.getByRole('group', { name: 'GitOps agent' }).getByLabel('Agent sync'),
  ).toHaveCount(3);
  // The history is a table, or a sentence while there are no promotions yet.
  await expect(
    page.locator('section[aria-label="History"]').locator('table, p'),
  ).not.toHaveCount(0);
  for (const section of ['Promotion chain', 'Previews', 'History']) {
    expect(await violations(page, `section[aria-label="${section}"]`)).toEqual(
      [],
    );
  }
});

test('the promote dialog has no WCAG 2.1 AA violations, and Escape returns focus to Promote', async ({
  page,
}) => {
  await openCheckoutEnvironments(page);
  const dialog = await openPromoteDialog(page, 'qa', 'staging');
  await expect(dialog.getByRole('list', { name: 'Gates' })).toBeVisible();
  expect(await violations(page, '[role="dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Promote to staging' }),
  ).toBeFocused();
  // The footer button closes it too, with the same focus return.
  const again = await openPromoteDialog(page, 'qa', 'staging');
  await closeDialog(again);
  await expect(
    page.getByRole('button', { name: 'Promote to staging' }),
  ).toBeFocused();
});

test('the overview card comes first on the Overview, links to the tab and has no WCAG 2.1 AA violations', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout');
  const summary = page.getByRole('list', { name: 'Environments summary' });
  await expect(summary.getByRole('listitem')).toHaveCount(3);
  for (const env of ['qa', 'staging', 'production']) {
    await expect(summary.getByRole('listitem', { name: env })).toContainText(
      'In sync',
    );
  }
  expect(await violations(page, 'section[aria-label="Environments"]')).toEqual(
    [],
  );
  await page.getByRole('link', { name: /Open the Environments tab/ }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout\/environments$/,
  );
  await expect(
    page.getByRole('list', { name: 'Promotion chain' }),
  ).toBeVisible();
});

test('a promotion’s detail view, reached from the history, has no WCAG 2.1 AA violations', async ({
  page,
}) => {
  // A production promotion waits for approvals, so cancelling it writes nothing: a promotion
  // with a reason, a requester, who cancelled it and its audit events.
  await cancelOpenPromotions();
  const requested = await environmentsApi<ApiPromotion>(
    'guest',
    `${CHECKOUT.apiPath}/promotions`,
    { target: 'production', reason: 'e2e: detail view' },
  );
  await environmentsApi('guest', `/promotions/${requested.id}/cancel`, {});
  await openCheckoutEnvironments(page);
  await page
    .getByRole('table', { name: 'Promotion history' })
    .getByRole('row')
    .filter({ hasText: 'e2e: detail view' })
    .first()
    .getByRole('link', { name: /^Details/ })
    .click();
  await expect(page).toHaveURL(/\/environments\/promotions\/[^/]+$/);
  await expect(
    page.getByRole('table', { name: 'Audit events' }).getByRole('row'),
  ).not.toHaveCount(0);
  const facts = page.getByRole('group', { name: 'Promotion facts' });
  await expect(facts).toContainText('e2e: detail view');
  await expect(facts).toContainText('Cancelled by');
  expect(await violations(page, 'section[aria-label="Promotion"]')).toEqual([]);
  expect(await violations(page, 'section[aria-label="Audit events"]')).toEqual(
    [],
  );
  await page.getByRole('link', { name: 'Back to environments' }).click();
  await expect(page).toHaveURL(/\/environments$/);
});
