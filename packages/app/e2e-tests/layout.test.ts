import { expect, test } from '@playwright/test';
import { environmentCard as card } from './environmentCard';
import { openCheckoutEnvironments } from './openCheckoutEnvironments';

const ENVIRONMENTS = ['qa', 'staging', 'production'];

// Laptop and desktop screens: the whole chain is on screen, no card clipped on the right.
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}x${viewport.height} every environment card is fully inside the viewport`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openCheckoutEnvironments(page);
    for (const env of ENVIRONMENTS) {
      await expect(card(page, env)).toBeVisible();
      const box = (await card(page, env).boundingBox())!;
      expect(box.x, `${env} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(
        box.x + box.width,
        `${env} ends within ${viewport.width} px`,
      ).toBeLessThanOrEqual(viewport.width);
    }
    // Cards of one row align in height.
    const heights = await Promise.all(
      ENVIRONMENTS.map(async env => (await card(page, env).boundingBox())!),
    );
    expect(new Set(heights.map(b => Math.round(b.y))).size).toBe(1);
    expect(new Set(heights.map(b => Math.round(b.height))).size).toBe(1);
  });
}

// 320 px (400% zoom of 1280): the chain reflows into one column; nothing is cut off.
test('at 320 px wide nothing of the tab is cut off horizontally', async ({
  page,
}) => {
  // Signed in at the default size (the sign-in helper uses the desktop sidebar), then narrowed.
  await openCheckoutEnvironments(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(card(page, 'production')).toBeVisible();
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const chain = document.querySelector('[aria-label="Promotion chain"]')!;
    // Every element of the chain, and each section of the tab (a table may scroll inside its
    // own box, which is the reflow exception for data tables).
    const sections = ['Promotion chain', 'Previews', 'History'].map(
      name => document.querySelector(`section[aria-label="${name}"]`)!,
    );
    for (const element of [...chain.querySelectorAll('*'), ...sections]) {
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && (rect.right > width + 1 || rect.left < -1)) {
        problems.push(
          `${element.tagName} "${(element.textContent ?? '').slice(
            0,
            40,
          )}" spans ${Math.round(rect.left)}..${Math.round(rect.right)}`,
        );
      }
    }
    for (const section of sections) {
      if (section.scrollWidth > section.clientWidth) {
        problems.push(
          `${section.getAttribute('aria-label')} scrolls sideways (${
            section.scrollWidth
          } > ${section.clientWidth})`,
        );
      }
    }
    return problems;
  });
  expect(overflowing).toEqual([]);
});
