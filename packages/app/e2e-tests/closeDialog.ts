import { expect, Locator } from '@playwright/test';

/** Closes the dialog with its footer button (the header's icon button is also named Close). */
export async function closeDialog(dialog: Locator): Promise<void> {
  await dialog
    .getByRole('button', { name: 'Close' })
    .filter({ hasText: 'Close' })
    .click();
  await expect(dialog).toHaveCount(0);
}
