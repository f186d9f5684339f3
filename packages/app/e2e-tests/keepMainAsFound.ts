import { test } from '@playwright/test';
import { cancelOpenPromotions } from './cancelOpenPromotions';
import { CHECKOUT } from './CHECKOUT';
import type { ExampleService } from './ExampleService';
import { readMainFile } from './readMainFile';
import { restoreMainFiles } from './restoreMainFiles';
import { waitUntilSettled } from './waitUntilSettled';

const ENVIRONMENTS = ['qa', 'staging', 'production'];

/**
 * Registers hooks so each test of the file starts from a settled chain and puts the service's
 * (checkout's unless named) overlays on main back as it found them: test files then do not depend on their order. A
 * promotion already written is let finish first, so it cannot wait forever for a version main
 * no longer declares.
 */
export function keepMainAsFound(service: ExampleService = CHECKOUT): void {
  let saved: Record<string, string> = {};
  test.beforeEach(async () => {
    await cancelOpenPromotions(service);
    await waitUntilSettled(service);
    saved = Object.fromEntries(
      ENVIRONMENTS.map(env => [
        service.overlay(env),
        readMainFile(service.overlay(env)),
      ]),
    );
  });
  test.afterEach(async () => {
    await cancelOpenPromotions(service);
    await waitUntilSettled(service);
    restoreMainFiles(saved, 'Restore the example overlays (e2e)');
    await waitUntilSettled(service);
  });
}
