import { test } from '@playwright/test';
import { cancelOpenPromotions } from './cancelOpenPromotions';
import { CHECKOUT } from './CHECKOUT';
import { readMainFile } from './readMainFile';
import { restoreMainFiles } from './restoreMainFiles';
import { waitUntilSettled } from './waitUntilSettled';

const ENVIRONMENTS = ['qa', 'staging', 'production'];

/**
 * Registers hooks so each test of the file starts from a settled chain and puts checkout's
 * overlays on main back as it found them: test files then do not depend on their order. A
 * promotion already written is let finish first, so it cannot wait forever for a version main
 * no longer declares.
 */
export function keepMainAsFound(): void {
  let saved: Record<string, string> = {};
  test.beforeEach(async () => {
    await cancelOpenPromotions();
    await waitUntilSettled();
    saved = Object.fromEntries(
      ENVIRONMENTS.map(env => [
        CHECKOUT.overlay(env),
        readMainFile(CHECKOUT.overlay(env)),
      ]),
    );
  });
  test.afterEach(async () => {
    await cancelOpenPromotions();
    await waitUntilSettled();
    restoreMainFiles(saved, 'Restore the example overlays (e2e)');
    await waitUntilSettled();
  });
}
