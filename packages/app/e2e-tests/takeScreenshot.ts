import { expect, type Page } from '@playwright/test';
import { screenshotPath } from './screenshotPath';

/**
 * Saves a screenshot for the README (into the ignored folder, see screenshotPath) with the
 * pointer off the sidebar: the sidebar opens over the page while hovered, and would hide the
 * left of the tab in the picture.
 */
export async function takeScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width - 5, 5);
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect
    .poll(async () => (await sidebar.boundingBox())?.width ?? 0)
    .toBeLessThan(100);
  await page.screenshot({ path: screenshotPath(name), ...options });
}
