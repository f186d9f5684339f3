import { expect, test } from '@playwright/test';
import { CHECKOUT } from './CHECKOUT';
import { environmentCard as card } from './environmentCard';
import { expectFocusInDialog } from './expectFocusInDialog';
import { expectFocusIsPlaced } from './expectFocusIsPlaced';
import { keepMainAsFound } from './keepMainAsFound';
import { openCheckoutEnvironments } from './openCheckoutEnvironments';
import { overlayImage } from './overlayImage';
import { readMainFile } from './readMainFile';
import { tabTo } from './tabTo';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// A promotion done with Tab, Enter and Escape only (and typing the reason): after every step
// focus is on a sensible element, never lost to the page's body.

const declared = (env: string) =>
  overlayImage(readMainFile(CHECKOUT.overlay(env)));

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(180_000);

keepMainAsFound();

test('a promotion from qa to staging with the keyboard only keeps focus in place at every step', async ({
  page,
}) => {
  const qaImage = declared('qa');
  await openCheckoutEnvironments(page);
  const promote = page.getByRole('button', { name: 'Promote to staging' });
  await expect(promote).toBeEnabled();

  await tabTo(page, promote);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Promote qa → staging');
  // The dialog takes focus, so the keyboard acts inside it.
  await expectFocusInDialog(dialog);

  const reason = dialog.getByLabel('Reason');
  await tabTo(page, reason);
  await page.keyboard.type(`e2e: keyboard only (${Date.now()})`);
  const request = dialog.getByRole('button', { name: 'Request promotion' });
  await tabTo(page, request);
  await page.keyboard.press('Enter');

  // The button goes away; focus moves to the heading of what replaced it.
  await expect(
    dialog.getByRole('heading', { name: 'Promotion requested' }),
  ).toBeFocused();
  const progress = dialog.getByRole('list', { name: 'Promotion progress' });
  await expect(progress.locator('[aria-current="step"]')).toHaveText(
    /Succeeded/,
    { timeout: 60_000 },
  );
  // Announced in the dialog's status region, and focus stayed where it was.
  await expect(dialog.getByRole('status')).toContainText(
    'Promotion into staging: Succeeded',
  );
  await expectFocusIsPlaced(page);
  await expectFocusInDialog(dialog);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Back on the control that opened the dialog: blocked now (nothing new to promote), yet
  // focusable, with its reason.
  await expect(promote).toBeFocused();
  await expect(promote).toHaveAttribute('aria-disabled', 'true');
  await expect(promote).toHaveAccessibleDescription(/\S/);

  expect(declared('staging')).toEqual(qaImage);
  await expect(card(page, 'staging').getByLabel('Live version')).toContainText(
    qaImage.newTag!.slice(0, 7),
    { timeout: 30_000 },
  );
});
