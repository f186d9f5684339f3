import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { keepMainAsFound } from './keepMainAsFound';
import { promoteByApi } from './promoteByApi';
import { signInAsGuest } from './signInAsGuest';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// Notifications point at the promotion's detail view: the requester is told when it finished.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(180_000);

keepMainAsFound();

test('the notification of a finished promotion opens its detail view, which has no WCAG 2.1 AA violations', async ({
  page,
}) => {
  const reason = `e2e: notified (${Date.now()})`;
  const promotion = await promoteByApi('staging', reason);
  const short = promotion.version.tag!.slice(0, 7);

  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: /Notifications/ })
    .click();
  // The link is relative, so the notifications page opens it inside the app.
  await page
    .getByRole('link', { name: `Promoted: checkout ${short} -> staging` })
    .and(page.locator(`[href$="/promotions/${promotion.id}"]`))
    .click();
  const detail = page;

  await expect(detail).toHaveURL(
    new RegExp(
      `/catalog/default/component/checkout/environments/promotions/${promotion.id}$`,
    ),
  );
  await expect(
    detail.getByRole('heading', { name: 'Promotion into staging' }),
  ).toBeVisible();
  const facts = detail.getByRole('group', { name: 'Promotion facts' });
  await expect(facts).toContainText(reason);
  await expect(
    detail.getByRole('table', { name: 'Audit events' }).getByRole('row'),
  ).not.toHaveCount(0);
  for (const section of ['Promotion', 'Audit events']) {
    const result = await new AxeBuilder({ page: detail })
      .include(`section[aria-label="${section}"]`)
      .withTags(WCAG_21_AA)
      .analyze();
    expect(result.violations.map(v => `${v.id}: ${v.help}`)).toEqual([]);
  }
});
