import { expect, test } from '@playwright/test';
import type { ApiPromotion } from './apiTypes';
import { auditedActions } from './auditedActions';
import { commitToMain } from './commitToMain';
import { setDemoHealth } from './demoHealth';
import { environmentCard as card } from './environmentCard';
import { environmentsApi } from './environmentsApi';
import { keepMainAsFound } from './keepMainAsFound';
import { overlayImage } from './overlayImage';
import { PAYMENTS } from './PAYMENTS';
import { promotionInState } from './promotionInState';
import { readMainFile } from './readMainFile';
import { signInAsGuest } from './signInAsGuest';
import { waitUntilSettled } from './waitUntilSettled';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';
import { withOverlayImage } from './withOverlayImage';

// payments' staging verifies each promotion for 20 s against the demo cluster's health endpoint
// (app-config.e2e.yaml), and rolls back automatically when a check fails.

const declared = (env: string) =>
  overlayImage(readMainFile(PAYMENTS.overlay(env)));
const short = (tag?: string) => tag!.slice(0, 7);

async function promotePayments(reason: string): Promise<ApiPromotion> {
  return environmentsApi<ApiPromotion>(
    'guest',
    `${PAYMENTS.apiPath}/promotions`,
    {
      target: 'staging',
      reason,
    },
  );
}

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(300_000);

// Healthy again first, so nothing the test left verifying fails while main is put back.
test.afterEach(() => setDemoHealth('payments', 'staging', 'healthy'));

keepMainAsFound(PAYMENTS);

test('a promotion into staging is verified; one whose health check fails is rolled back automatically', async ({
  page,
}) => {
  const run = Date.now();
  const qaImage = declared('qa');
  const stagingImage = declared('staging');
  expect(qaImage.newTag).not.toBe(stagingImage.newTag);
  await setDemoHealth('payments', 'staging', 'healthy');

  // A first version passes its 20 s of verification: the version a failure rolls back to.
  const first = await promotePayments(`e2e: verified (${run})`);
  await promotionInState(first.id, 'verifying', 60_000);
  await promotionInState(first.id, 'succeeded', 60_000);
  await waitUntilSettled(PAYMENTS);

  // CI builds another version into qa (staging's old build), which is promoted next.
  commitToMain(
    { [PAYMENTS.overlay('qa')]: text => withOverlayImage(text, stagingImage) },
    'CI: build payments into qa (e2e)',
  );
  await waitUntilSettled(PAYMENTS);

  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments/environments');
  const second = await promotePayments(`e2e: breaks staging (${run})`);
  const inFlight = card(page, 'staging').getByRole('region', {
    name: 'Promotion in flight',
  });
  await expect(inFlight).toContainText('Promotion: Verifying', {
    timeout: 60_000,
  });
  await expect(inFlight).toContainText('Waiting for:');

  // The release breaks staging's health: the next check fails it, and it is rolled back.
  await setDemoHealth('payments', 'staging', 'unhealthy');
  await promotionInState(second.id, 'failed-verification', 30_000);
  // Healthy again, so the rollback passes its own verification.
  await setDemoHealth('payments', 'staging', 'healthy');

  const history = page.getByRole('table', { name: 'Promotion history' });
  const failedRow = history
    .getByRole('row')
    .filter({ hasText: `e2e: breaks staging (${run})` });
  await expect(failedRow).toContainText('Failed verification', {
    timeout: 30_000,
  });
  const rollbackRow = history
    .getByRole('row')
    .filter({ hasText: 'automatic rollback of staging' })
    .filter({ hasText: short(stagingImage.newTag) });
  await expect(rollbackRow.first()).toBeVisible({ timeout: 30_000 });

  // The detail view names the failed check and links the automatic rollback.
  await failedRow.getByRole('link', { name: /^Details/ }).click();
  await expect(page).toHaveURL(
    new RegExp(`/environments/promotions/${second.id}$`),
  );
  const checks = page.getByRole('table', { name: 'Verification checks' });
  const healthCheck = checks
    .getByRole('row')
    .filter({ hasText: 'GET /health' });
  await expect(healthCheck).toContainText('Failed');
  await expect(healthCheck).toContainText('answered 503');
  await page.getByRole('link', { name: 'the rollback' }).click();
  await expect(page).toHaveURL(/\/environments\/promotions\/[^/]+$/);
  const rollbackId = decodeURIComponent(page.url().split('/').pop()!);
  expect(rollbackId).not.toBe(second.id);
  const rollback = await promotionInState(rollbackId, 'succeeded', 90_000);
  expect(rollback).toMatchObject({
    target: 'staging',
    requestedBy: 'stageline:verification',
    version: { tag: qaImage.newTag, digest: qaImage.digest },
  });
  expect(declared('staging')).toEqual(qaImage);
  await expect(
    page.getByRole('group', { name: 'Promotion facts' }),
  ).toContainText('automatic rollback');
  expect(
    await auditedActions(second.id, ['promotion.rollback-requested']),
  ).toEqual(['promotion.rollback-requested by stageline:verification']);
});
