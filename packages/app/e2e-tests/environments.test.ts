import { expect, test } from '@playwright/test';
import { takeScreenshot } from './takeScreenshot';
import { CHECKOUT } from './CHECKOUT';
import { commitToMain } from './commitToMain';
import { environmentCard as card } from './environmentCard';
import { openCheckoutEnvironments } from './openCheckoutEnvironments';
import { overlayImage } from './overlayImage';
import { readMainFile } from './readMainFile';
import { signInAsGuest } from './signInAsGuest';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';
import { withOverlayImage } from './withOverlayImage';

const overlay = CHECKOUT.overlay;
const shortTag = (env: string) =>
  overlayImage(readMainFile(overlay(env))).newTag!.slice(0, 7);

test.use({ viewport: WIDE_VIEWPORT });

// Runs against the demo cluster (packages/kubernetes-stand-in/src/demo), which runs what the
// example GitOps repository's overlays declare (scripts/lib/seed-examples.js).
test('the Environments tab shows what runs in each environment, in sync with Git', async ({
  page,
}) => {
  await openCheckoutEnvironments(page);

  const chain = page.getByRole('list', { name: 'Promotion chain' });
  await expect(chain.getByRole('listitem')).toHaveCount(3);
  for (const env of ['qa', 'staging', 'production']) {
    const tag = shortTag(env);
    await expect(card(page, env).getByLabel('Sync status')).toHaveText(
      'In sync',
    );
    await expect(card(page, env).getByLabel('Desired version')).toContainText(
      tag,
    );
    await expect(card(page, env).getByLabel('Live version')).toContainText(tag);
    // Cluster and Git errors show as alerts inside the card.
    await expect(card(page, env).getByRole('alert')).toHaveCount(0);
  }
  await expect(card(page, 'production')).toContainText('protected');
  // Every environment runs a different version of the example: no "same bits" anywhere.
  await expect(page.getByText('Same bits as upstream')).toHaveCount(0);

  await takeScreenshot(page, 'environments-tab.png', { fullPage: true });
});

test("a commit to staging's overlay rolls out, then staging runs qa's very bits", async ({
  page,
}) => {
  const staging = readMainFile(overlay('staging'));
  const qaImage = overlayImage(readMainFile(overlay('qa')));
  commitToMain(
    { [overlay('staging')]: text => withOverlayImage(text, qaImage) },
    'Promote checkout to staging (e2e)',
  );
  try {
    await openCheckoutEnvironments(page);
    const qaTag = qaImage.newTag!.slice(0, 7);
    // The tab polls; the demo cluster takes a few seconds to roll out.
    await expect(
      card(page, 'staging').getByLabel('Live version'),
    ).toContainText(qaTag, { timeout: 60_000 });
    await expect(card(page, 'staging').getByLabel('Sync status')).toHaveText(
      'In sync',
      { timeout: 30_000 },
    );
    await expect(card(page, 'staging')).toContainText('Same bits as upstream');
    await expect(card(page, 'production')).not.toContainText(
      'Same bits as upstream',
    );
  } finally {
    // Put the example back for the next run.
    commitToMain(
      { [overlay('staging')]: () => staging },
      'Restore staging (e2e)',
    );
  }
});

test('a component without backstage.io/kubernetes-id has no Environments tab', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/shop-docs');
  const tabs = page.getByRole('navigation', { name: 'Content navigation' });
  await expect(
    tabs.getByRole('link', { name: 'Overview', exact: true }),
  ).toBeVisible();
  await expect(
    tabs.getByRole('link', { name: 'Environments', exact: true }),
  ).toHaveCount(0);
});
