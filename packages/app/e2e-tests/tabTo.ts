import { expect, type Locator, type Page } from '@playwright/test';
import { expectFocusIsPlaced } from './expectFocusIsPlaced';

/**
 * Presses Tab until `target` has focus (at most `max` times), checking after each press that
 * focus is on an element rather than lost to the page's body.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  max = 100,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate(el => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
    await expectFocusIsPlaced(page);
  }
  await expect(target).toBeFocused();
}
