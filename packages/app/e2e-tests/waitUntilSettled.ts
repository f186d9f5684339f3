import { expect } from '@playwright/test';
import { CHECKOUT } from './CHECKOUT';
import type { ExampleService } from './ExampleService';
import { overlayImage } from './overlayImage';
import { readMainFile } from './readMainFile';
import { serviceEnvironments } from './serviceEnvironments';

async function unsettled(service: ExampleService): Promise<string[]> {
  return (await serviceEnvironments(service)).flatMap(env => {
    const declared = overlayImage(readMainFile(service.overlay(env.name)));
    const problems: string[] = [];
    if (env.desired?.image?.tag !== declared.newTag) {
      problems.push(`${env.name}: the backend has not read main yet`);
    }
    if (env.sync.status !== 'in-sync') {
      problems.push(`${env.name}: ${env.sync.reason}`);
    }
    if (env.promotion?.inFlight) {
      problems.push(`${env.name}: promotion ${env.promotion.inFlight.id}`);
    }
    return problems;
  });
}

/**
 * Waits until every environment of the service (checkout unless named) runs what main declares, as the backend sees it,
 * with no promotion in flight: the start every promotion test needs, whatever ran before.
 */
export async function waitUntilSettled(
  service: ExampleService = CHECKOUT,
): Promise<void> {
  await expect
    .poll(() => unsettled(service), { timeout: 60_000, intervals: [500] })
    .toEqual([]);
}
