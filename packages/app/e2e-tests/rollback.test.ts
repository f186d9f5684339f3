import { expect, test } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { auditedActions } from './auditedActions';
import { CHECKOUT } from './CHECKOUT';
import { commitToMain } from './commitToMain';
import { environmentCard as card } from './environmentCard';
import { keepMainAsFound } from './keepMainAsFound';
import { openCheckoutEnvironments } from './openCheckoutEnvironments';
import { overlayImage } from './overlayImage';
import { promoteByApi } from './promoteByApi';
import { promotionCommits } from './promotionCommits';
import { promotionInState } from './promotionInState';
import { readMainFile } from './readMainFile';
import { waitUntilSettled } from './waitUntilSettled';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';
import { withOverlayImage } from './withOverlayImage';

// The rollback path through the UI: staging received two versions through Stageline, and is
// rolled back to the first from that promotion's detail view, with a reason.

const GUEST = 'user:default/guest';
const declared = (env: string) =>
  overlayImage(readMainFile(CHECKOUT.overlay(env)));

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(240_000);

keepMainAsFound();

test('staging is rolled back to an earlier version from the detail view, and the history says so', async ({
  page,
}) => {
  const run = Date.now();
  const qaImage = declared('qa');
  const stagingImage = declared('staging');
  expect(qaImage.newTag).not.toBe(stagingImage.newTag);

  // Staging first gets qa's version, then (after CI put staging's old build into qa) that one.
  const first = await promoteByApi('staging', `e2e: first (${run})`);
  commitToMain(
    {
      [CHECKOUT.overlay('qa')]: text => withOverlayImage(text, stagingImage),
    },
    'CI: build checkout into qa (e2e)',
  );
  await waitUntilSettled();
  await promoteByApi('staging', `e2e: second (${run})`);
  expect(declared('staging')).toEqual(stagingImage);

  await openCheckoutEnvironments(page);
  await page
    .getByRole('table', { name: 'Promotion history' })
    .getByRole('row')
    .filter({ hasText: `e2e: first (${run})` })
    .getByRole('link', { name: /^Details/ })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/environments/promotions/${first.id}$`),
  );
  const short = qaImage.newTag!.slice(0, 7);
  await page
    .getByRole('button', { name: `Roll staging back to ${short}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Roll staging back' });
  const reason = `e2e: checkout 502s in staging (${run})`;
  await dialog.getByLabel('Reason').fill(reason);
  const created = page.waitForResponse(
    res =>
      res.request().method() === 'POST' &&
      /\/api\/environments\/entities\/component\/default\/checkout\/promotions$/i.test(
        res.url(),
      ),
  );
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const rollback = (await response.json()) as ApiPromotion;
  expect(rollback).toMatchObject({
    target: 'staging',
    requestedBy: GUEST,
    version: { tag: qaImage.newTag, digest: qaImage.digest },
  });
  await expect(dialog).toHaveCount(0);

  await promotionInState(rollback.id, 'succeeded');
  expect(declared('staging')).toEqual(qaImage);
  const [commit] = promotionCommits(rollback.id);
  expect(commit.files).toEqual([CHECKOUT.overlay('staging')]);
  expect(commit.message).toContain(`Reason: ${reason}`);
  expect(
    await auditedActions(rollback.id, [
      'rollback.request',
      'promotion.write',
      'promotion.succeeded',
    ]),
  ).toEqual([
    `rollback.request by ${GUEST}`,
    'promotion.write by stageline:engine',
    'promotion.succeeded by stageline:engine',
  ]);

  await page.getByRole('link', { name: 'Back to environments' }).click();
  await expect(card(page, 'staging').getByLabel('Live version')).toContainText(
    short,
    { timeout: 30_000 },
  );
  const row = page
    .getByRole('table', { name: 'Promotion history' })
    .getByRole('row')
    .filter({ hasText: reason });
  await expect(row).toContainText('rollback of staging');
  await expect(row).toContainText('Rolled back');
});
