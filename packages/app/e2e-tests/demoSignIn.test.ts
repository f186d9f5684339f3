import { expect, test, type Page } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { auditedActions } from './auditedActions';
import { CHECKOUT } from './CHECKOUT';
import { environmentCard as card } from './environmentCard';
import { historyRow } from './historyRow';
import { keepMainAsFound } from './keepMainAsFound';
import { openPromoteDialog } from './openPromoteDialog';
import { overlayImage } from './overlayImage';
import { promotionCommits } from './promotionCommits';
import { promotionInState } from './promotionInState';
import { readMainFile } from './readMainFile';
import { requestInDialog } from './requestInDialog';
import { signInAs } from './signInAs';
import { signOut } from './signOut';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';
import { closeDialog } from './closeDialog';

// The demo's whole production story through the UI, as three people: carol requests, alice and
// bob (release managers too) approve, and the demo cluster rolls the version out.

const declared = (env: string) =>
  overlayImage(readMainFile(CHECKOUT.overlay(env)));

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(240_000);

keepMainAsFound();

async function openEnvironmentsTab(page: Page) {
  await page.goto('/catalog/default/component/checkout');
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Environments', exact: true })
    .click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout\/environments$/,
  );
}

async function approveAs(page: Page, user: string, progress: RegExp) {
  await signOut(page);
  await signInAs(page, user);
  await openEnvironmentsTab(page);
  const inFlight = card(page, 'production').getByRole('region', {
    name: 'Promotion in flight',
  });
  await inFlight.getByLabel('Approval comment').fill(`e2e: ${user} approves`);
  await inFlight.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(progress).first()).toBeVisible();
}

test('a production promotion requested by carol is approved by alice and bob through the UI and rolls out', async ({
  page,
}) => {
  const stagingImage = declared('staging');
  const reason = `e2e: demo release (${Date.now()})`;

  await signInAs(page, 'carol');
  await openEnvironmentsTab(page);
  const dialog = await openPromoteDialog(page, 'staging', 'production');
  await expect(dialog).toContainText(
    'Needs 2 approvals from other users before it runs.',
  );
  const promotion: ApiPromotion = await requestInDialog(page, dialog, reason);
  expect(promotion).toMatchObject({
    state: 'awaiting-approval',
    requestedBy: 'user:default/carol',
  });
  await closeDialog(dialog);
  await expect(
    card(page, 'production').getByRole('region', {
      name: 'Promotion in flight',
    }),
  ).toContainText('You requested this promotion, so you cannot approve it.');

  await approveAs(page, 'alice', /1 of 2 approvals/);
  await approveAs(
    page,
    'bob',
    /Approval recorded|2 of 2 approvals|Writing to Git|Rolling out/,
  );

  await promotionInState(promotion.id, 'succeeded', 90_000);
  expect(declared('production')).toEqual(stagingImage);
  const [commit] = promotionCommits(promotion.id);
  await expect(
    card(page, 'production').getByLabel('Live version'),
  ).toContainText(stagingImage.newTag!.slice(0, 7), { timeout: 30_000 });
  await expect(historyRow(page, commit.sha)).toContainText('Succeeded');
  expect(
    await auditedActions(promotion.id, [
      'promotion.request',
      'promotion.approve',
      'promotion.succeeded',
    ]),
  ).toEqual([
    'promotion.request by user:default/carol',
    'promotion.approve by user:default/alice',
    'promotion.approve by user:default/bob',
    'promotion.succeeded by stageline:engine',
  ]);
});
