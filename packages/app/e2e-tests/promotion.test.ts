import { expect, test } from '@playwright/test';
import { takeScreenshot } from './takeScreenshot';
import type { ApiPromotion } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { environmentCard as card } from './environmentCard';
import { environmentsApi } from './environmentsApi';
import { openCheckoutEnvironments } from './openCheckoutEnvironments';
import { overlayImage, type OverlayImage } from './overlayImage';
import { promotionCommits } from './promotionCommits';
import { readMainFile } from './readMainFile';
import { recordSyncStatuses } from './recordSyncStatuses';
import { sourceCommitSubjects } from './sourceCommitSubjects';
import { keepMainAsFound } from './keepMainAsFound';
import { openPromoteDialog } from './openPromoteDialog';
import { requestInDialog } from './requestInDialog';
import { closeDialog } from './closeDialog';
import { auditedActions } from './auditedActions';
import { approvalView } from './approvalView';
import { expectRolledOut } from './expectRolledOut';
import { historyRow } from './historyRow';

import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// Promotions through the real backend, which commits to the example GitOps repository that the
// demo cluster follows (app-config.e2e.yaml: commit mode, production needs two release managers).
// Each test starts from a settled chain and puts main back as it found it (keepMainAsFound), so
// order does not matter (environments.test.ts expects the seeded versions).

const GUEST = 'user:default/guest';
const declared = (env: string) =>
  overlayImage(readMainFile(CHECKOUT.overlay(env)));
const short = (image: OverlayImage) => image.newTag!.slice(0, 7);
const reference = (image: OverlayImage) =>
  `${image.name}:${image.newTag}@${image.digest}`;

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(180_000);

keepMainAsFound();

/** The one commit on main that carries the promotion's trailer, once it is there. */
async function commitOf(promotionId: string) {
  await expect
    .poll(() => promotionCommits(promotionId).length, { timeout: 30_000 })
    .toBe(1);
  return promotionCommits(promotionId)[0];
}

function expectCommitMessage(
  message: string,
  want: { env: string; image: OverlayImage; reason: string; id: string },
) {
  const lines = message.split('\n');
  expect(lines[0]).toBe(
    `Promote checkout to ${want.env}: ${want.image.newTag}`,
  );
  expect(lines).toEqual(
    expect.arrayContaining([
      'Service: checkout',
      `Environment: ${want.env}`,
      `Version: ${reference(want.image)}`,
      `Requested-by: ${GUEST}`,
      `Reason: ${want.reason}`,
      `Stageline-Promotion: ${want.id}`,
    ]),
  );
}

test('promoting qa to staging commits qa’s exact version, rolls it out and records it', async ({
  page,
}) => {
  const qaImage = declared('qa');
  const stagingImage = declared('staging');
  const reason = `e2e: ship ${short(qaImage)} (${Date.now()})`;
  const statuses = recordSyncStatuses('staging');
  try {
    await openCheckoutEnvironments(page);
    const chain = page.getByRole('list', { name: 'Promotion chain' });
    await expect(chain.getByRole('listitem')).toHaveCount(3);
    for (const env of ['qa', 'staging', 'production']) {
      await expect(card(page, env).getByLabel('Live version')).toContainText(
        short(declared(env)),
      );
    }

    const dialog = await openPromoteDialog(page, 'qa', 'staging');
    const version = dialog.getByLabel('Version to promote');
    await expect(version).toContainText(short(qaImage));
    await expect(version).toContainText(short(stagingImage));
    const subjects = sourceCommitSubjects(
      stagingImage.newTag!,
      qaImage.newTag!,
    );
    expect(subjects.length).toBeGreaterThan(0);
    const commits = dialog.getByRole('list', { name: 'Commits' });
    await expect(commits.getByRole('listitem')).toHaveCount(subjects.length);
    for (const subject of subjects) {
      await expect(commits).toContainText(subject);
    }
    const gates = dialog.getByRole('list', { name: 'Gates' });
    await expect(gates.getByRole('listitem', { name: /passed$/ })).toHaveCount(
      await gates.getByRole('listitem').count(),
    );
    await expect(dialog).toContainText('No approvals needed.');
    await takeScreenshot(page, 'promote-dialog.png');

    const promotion = await requestInDialog(page, dialog, reason);
    expect(promotion).toMatchObject({
      source: 'qa',
      target: 'staging',
      requestedBy: GUEST,
      version: { tag: qaImage.newTag, digest: qaImage.digest },
    });
    const progress = dialog.getByRole('list', { name: 'Promotion progress' });
    await expect(progress).toContainText('Writing to Git');
    await expect(progress.locator('[aria-current="step"]')).toHaveText(
      /Succeeded/,
      { timeout: 60_000 },
    );

    const commit = await commitOf(promotion.id);
    expectCommitMessage(commit.message, {
      env: 'staging',
      image: qaImage,
      reason,
      id: promotion.id,
    });
    expect(commit.files).toEqual([CHECKOUT.overlay('staging')]);
    expect(declared('staging')).toEqual(qaImage);
    await expect(dialog).toContainText(`commit ${commit.sha.slice(0, 7)}`);
    expectRolledOut(await statuses.stop());
    expect(
      await auditedActions(promotion.id, [
        'promotion.request',
        'promotion.write',
        'promotion.succeeded',
      ]),
    ).toEqual([
      `promotion.request by ${GUEST}`,
      'promotion.write by stageline:engine',
      'promotion.succeeded by stageline:engine',
    ]);

    await closeDialog(dialog);
    // Focus returns to the control that opened the dialog.
    await expect(
      page.getByRole('button', { name: 'Promote to staging' }),
    ).toBeFocused();
    await expect(card(page, 'staging').getByLabel('Sync status')).toHaveText(
      'In sync',
    );
    await expect(
      card(page, 'staging').getByLabel('Live version'),
    ).toContainText(short(qaImage));
    const row = historyRow(page, commit.sha);
    await expect(row).toContainText('qa → staging');
    await expect(row).toContainText('Succeeded');
  } finally {
    // Stops polling when the test failed before its rollout check.
    await statuses.stop();
  }
});

test('a production promotion waits for two release managers other than the requester', async ({
  page,
}) => {
  const production = readMainFile(CHECKOUT.overlay('production'));
  const stagingImage = declared('staging');
  const reason = `e2e: release ${short(stagingImage)} (${Date.now()})`;
  const statuses = recordSyncStatuses('production');
  try {
    await openCheckoutEnvironments(page);
    const dialog = await openPromoteDialog(page, 'staging', 'production');
    await expect(dialog).toContainText(
      'Needs 2 approvals from other users before it runs.',
    );
    await expect(
      dialog.getByRole('listitem', { name: 'Approvals failed' }),
    ).toContainText('(the request waits)');
    const promotion = await requestInDialog(page, dialog, reason);
    expect(promotion.state).toBe('awaiting-approval');
    await expect(
      dialog
        .getByRole('list', { name: 'Promotion progress' })
        .locator('[aria-current="step"]'),
    ).toHaveText(/Awaiting approval/);
    await closeDialog(dialog);

    const inFlight = card(page, 'production').getByRole('region', {
      name: 'Promotion in flight',
    });
    await expect(inFlight).toContainText('Promotion: Awaiting approval');
    await expect(inFlight).toContainText('0 of 2 approvals');
    await expect(inFlight).toContainText(
      'You requested this promotion, so you cannot approve it.',
    );
    await expect(inFlight.getByRole('button', { name: 'Approve' })).toHaveCount(
      0,
    );
    // Blocked, yet focusable, with its reason in plain words (no promotion id).
    const blocked = page.getByRole('button', { name: 'Promote to production' });
    await expect(blocked).toHaveAttribute('aria-disabled', 'true');
    await blocked.focus();
    await expect(blocked).toBeFocused();
    await expect(blocked).toHaveAccessibleDescription(/\S/);
    await expect(
      page.getByRole('group', { name: 'Promote staging to production' }),
    ).not.toContainText(promotion.id);
    await takeScreenshot(page, 'awaiting-approval.png');
    // Nothing is written before the approvals.
    expect(readMainFile(CHECKOUT.overlay('production'))).toBe(production);

    const approve = async (user: string) =>
      environmentsApi<ApiPromotion>(
        user,
        `/promotions/${promotion.id}/approvals`,
        {
          decision: 'approve',
          comment: 'e2e',
          // What the approver is shown: a decision for anything else is refused (409).
          ...(await approvalView('production')),
        },
      );
    expect((await approve('alice')).state).toBe('awaiting-approval');
    // Approvers by their catalog display names.
    await expect(inFlight).toContainText('1 of 2 approvals (Alice Approver)');
    expect((await approve('bob')).state).toBe('executing');

    const commit = await commitOf(promotion.id);
    expectCommitMessage(commit.message, {
      env: 'production',
      image: stagingImage,
      reason,
      id: promotion.id,
    });
    expect(commit.files).toEqual([CHECKOUT.overlay('production')]);
    expect(declared('production')).toEqual(stagingImage);
    await expect(
      card(page, 'production').getByLabel('Live version'),
    ).toContainText(short(stagingImage), { timeout: 30_000 });
    await expect(inFlight).toHaveCount(0);
    await expect(card(page, 'production').getByLabel('Sync status')).toHaveText(
      'In sync',
    );
    const row = historyRow(page, commit.sha);
    await expect(row).toContainText('staging → production');
    await expect(row).toContainText('Succeeded');
    expectRolledOut(await statuses.stop());
    expect(
      await auditedActions(promotion.id, [
        'promotion.request',
        'promotion.approve',
        'promotion.write',
        'promotion.succeeded',
      ]),
    ).toEqual([
      `promotion.request by ${GUEST}`,
      'promotion.approve by user:default/alice',
      'promotion.approve by user:default/bob',
      'promotion.write by stageline:engine',
      'promotion.succeeded by stageline:engine',
    ]);

    await page
      .getByRole('heading', { name: 'History', exact: true })
      .scrollIntoViewIfNeeded();
    await takeScreenshot(page, 'history.png');
  } finally {
    // Stops polling when the test failed before its rollout check.
    await statuses.stop();
  }
});

test('the previews table lists the preview namespaces of checkout’s pull requests', async ({
  page,
}) => {
  await openCheckoutEnvironments(page);
  const table = page.getByRole('table', { name: 'Preview environments' });
  for (const number of [41, 42]) {
    const row = table.getByRole('row').filter({
      has: page.getByRole('cell', {
        name: `checkout-pr-${number}`,
        exact: true,
      }),
    });
    await expect(row).toContainText(`#${number}`);
    await expect(row).toContainText(`pr-${number}`);
    await expect(row).toContainText('healthy · 1/1 ready');
  }
  await page
    .getByRole('heading', { name: 'Previews', exact: true })
    .scrollIntoViewIfNeeded();
  await takeScreenshot(page, 'previews.png');
});
