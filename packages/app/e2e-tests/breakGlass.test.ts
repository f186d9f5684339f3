import { expect, test } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { auditedActions } from './auditedActions';
import { CHECKOUT } from './CHECKOUT';
import { environmentCard as card } from './environmentCard';
import { environmentsApi } from './environmentsApi';
import { keepMainAsFound } from './keepMainAsFound';
import { openPromoteDialog } from './openPromoteDialog';
import { overlayImage } from './overlayImage';
import { promotionCommits } from './promotionCommits';
import { promotionInState } from './promotionInState';
import { readMainFile } from './readMainFile';
import { requestInDialog } from './requestInDialog';
import { signInAs } from './signInAs';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// Break glass through the UI: carol (a release manager, who holds environments.promote.breakglass
// in the example policy) promotes to production during an incident, past its two approvals; the
// history marks it, the tab and the Environments page list it until alice, another approver,
// acknowledges it.

const CAROL = 'user:default/carol';
const ALICE = 'user:default/alice';
const TAB = '/catalog/default/component/checkout/environments';
const AWAITING = 'Break-glass promotions awaiting acknowledgement';
const FLEET_PAGE = '/environments';
const FLEET_AWAITING = 'Break-glass awaiting acknowledgement';
const BREAK_GLASS =
  'Break glass: bypass freeze windows, soak time and approvals';
const declared = (env: string) =>
  overlayImage(readMainFile(CHECKOUT.overlay(env)));

// A click that finds nothing fails on its own, naming what it looked for.
test.use({ viewport: WIDE_VIEWPORT, actionTimeout: 30_000 });
// Two users sign in, each page load taking long on a busy machine.
test.setTimeout(600_000);

keepMainAsFound();

type BreakGlassPromotion = ApiPromotion & {
  reason?: string;
  approvalsRequired: number;
  breakGlass?: { incident: string; acknowledgedBy?: string };
};

test('a break-glass promotion skips production’s approvals, is marked in the history and acknowledged by another approver', async ({
  page: carolPage,
  browser,
}) => {
  let page = carolPage;
  const run = Date.now();
  const stagingImage = declared('staging');
  const incident = `https://incidents.example.test/INC-${run}`;
  const reason = `e2e: checkout 502s in production (${run})`;
  let promotion: BreakGlassPromotion | undefined;
  try {
    await signInAs(page, 'carol');
    await page.goto(TAB);
    const dialog = await openPromoteDialog(page, 'staging', 'production');
    await expect(dialog).toContainText(
      'Needs 2 approvals from other users before it runs.',
    );
    const option = dialog.getByRole('checkbox', { name: BREAK_GLASS });
    await option.check();
    await expect(option).toBeFocused();
    // Sending without the incident and the reason moves focus to what is missing, with why.
    await dialog.getByRole('button', { name: 'Request promotion' }).click();
    const link = dialog.getByRole('textbox', { name: /Incident link/ });
    await expect(link).toBeFocused();
    await expect(link).toHaveAttribute('aria-invalid', 'true');
    await expect(link).toHaveAccessibleDescription(
      'Enter the incident link: break glass needs one',
    );
    await link.fill('INC-1');
    await expect(link).toHaveAccessibleDescription(
      'Enter the incident as a web address starting with https:// or http://',
    );
    await link.fill(incident);
    promotion = (await requestInDialog(
      page,
      dialog,
      reason,
    )) as BreakGlassPromotion;
    expect(promotion).toMatchObject({
      target: 'production',
      requestedBy: CAROL,
      reason,
      approvalsRequired: 0,
      breakGlass: { incident },
      version: { tag: stagingImage.newTag, digest: stagingImage.digest },
    });
    expect(promotion.state).not.toBe('awaiting-approval');

    // Written without any approval.
    await promotionInState(promotion.id, 'succeeded', 90_000);
    expect(declared('production')).toEqual(stagingImage);
    expect(promotionCommits(promotion.id)).toHaveLength(1);
    expect(
      await auditedActions(promotion.id, [
        'promotion.break-glass',
        'promotion.approve',
        'promotion.write',
      ]),
    ).toEqual([
      `promotion.break-glass by ${CAROL}`,
      'promotion.write by stageline:engine',
    ]);

    await dialog
      .getByRole('button', { name: 'Close' })
      .filter({ hasText: 'Close' })
      .click();
    await expect(
      card(page, 'production').getByLabel('Live version'),
    ).toContainText(stagingImage.newTag!.slice(0, 7), { timeout: 30_000 });
    const row = page
      .getByRole('table', { name: 'Promotion history' })
      .getByRole('row')
      .filter({ hasText: reason });
    await expect(row.getByTestId('break-glass')).toContainText(
      'Break-glass, not acknowledged',
    );
    await expect(
      row.getByTestId('break-glass').getByRole('link', { name: /Incident/ }),
    ).toHaveAttribute('href', incident);
    const awaiting = page.getByRole('region', { name: AWAITING });
    await expect(
      awaiting.getByRole('listitem').filter({ hasText: reason }),
    ).toHaveCount(1);

    // The requester cannot acknowledge it herself.
    await row.getByRole('link', { name: /^Details/ }).click();
    await expect(
      page.getByText(
        'You requested this break-glass promotion, so another approver acknowledges it.',
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Acknowledge break-glass' }),
    ).toHaveCount(0);

    // Alice, another release manager (in a browser of her own), finds it on the Environments
    // page, which lists every service's break-glass promotions awaiting acknowledgement.
    const context = await browser.newContext({ viewport: WIDE_VIEWPORT });
    page = await context.newPage();
    await signInAs(page, 'alice');
    await page.goto(FLEET_PAGE);
    const listed = page
      .getByRole('table', { name: FLEET_AWAITING })
      .getByRole('row')
      .filter({ hasText: reason });
    await expect(listed).toHaveCount(1, { timeout: 120_000 });
    await expect(listed).toContainText('Carol Release Manager');
    await expect(listed).toContainText('staging → production');
    await listed
      .getByRole('link', {
        name: 'Details of the promotion of checkout into production',
      })
      .click();
    await expect(page).toHaveURL(
      new RegExp(`/environments/promotions/${promotion.id}$`),
    );
    const facts = page.getByRole('group', { name: 'Promotion facts' });
    await expect(facts).toContainText('Break-glass, not acknowledged');
    await page.getByRole('button', { name: 'Acknowledge break-glass' }).click();
    const confirm = page.getByRole('dialog', {
      name: 'Acknowledge the break-glass promotion into production?',
    });
    await expect(confirm).toContainText(`Reason: ${reason}`);
    await confirm.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(
      page.getByRole('status').filter({
        hasText: 'You acknowledged the break-glass promotion into production',
      }),
    ).toHaveCount(1);
    await expect(
      page.getByRole('heading', { name: 'Promotion into production' }),
    ).toBeFocused();
    await expect(facts).toContainText(
      'Break-glass, acknowledged by Alice Approver',
    );
    await expect(facts).toContainText('by Alice Approver');
    await expect(
      page.getByRole('button', { name: 'Acknowledge break-glass' }),
    ).toHaveCount(0);
    expect(
      await auditedActions(promotion.id, [
        'promotion.break-glass-acknowledged',
      ]),
    ).toEqual([`promotion.break-glass-acknowledged by ${ALICE}`]);

    await page.getByRole('link', { name: 'Back to environments' }).click();
    await expect(
      page.getByRole('table', { name: 'Promotion history' }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: AWAITING })).toHaveCount(0);
    await page.goto(FLEET_PAGE);
    await expect(
      page.getByRole('table', { name: 'Services by environment' }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('table', { name: FLEET_AWAITING })
        .getByRole('row')
        .filter({ hasText: reason }),
    ).toHaveCount(0);
  } finally {
    // A failed run leaves no unacknowledged break-glass promotion for the next tests to show.
    if (promotion) {
      const current = await environmentsApi<BreakGlassPromotion>(
        'guest',
        `/promotions/${promotion.id}`,
      );
      if (!current.breakGlass?.acknowledgedBy) {
        await environmentsApi(
          'alice',
          `/promotions/${promotion.id}/acknowledge`,
          {},
        );
      }
    }
  }
});
