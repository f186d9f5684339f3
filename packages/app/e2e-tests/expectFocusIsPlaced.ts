import { expect, type Page } from '@playwright/test';

/** Focus is on an element of the page, not lost to the document's body. */
export async function expectFocusIsPlaced(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const active = document.activeElement;
        return !!active && active !== document.body && active.isConnected;
      }),
    )
    .toBe(true);
}
