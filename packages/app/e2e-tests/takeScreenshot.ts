import type { Page } from '@playwright/test';
import { screenshotPath } from './screenshotPath';

/** How long the sidebar takes to close once the pointer leaves it (its transition, with room). */
const SIDEBAR_CLOSE_MS = 1_000;

/**
 * Saves a screenshot for the README (into the ignored folder, see screenshotPath) with the
 * pointer off the sidebar: a hovered sidebar opens over the page and would hide the left of the
 * tab in the picture.
 */
export async function takeScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width - 5, 5);
  await page.waitForTimeout(SIDEBAR_CLOSE_MS);
  await page.screenshot({ path: screenshotPath(name), ...options });
}
