import { expect, Locator, Page } from '@playwright/test';

/** Opens the promote dialog of `target` and checks its header. */
export async function openPromoteDialog(
  page: Page,
  source: string,
  target: string,
): Promise<Locator> {
  await page
    .getByRole('group', { name: `Promote ${source} to ${target}` })
    .getByRole('button', { name: `Promote to ${target}` })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Promote ${source} → ${target}`);
  return dialog;
}
