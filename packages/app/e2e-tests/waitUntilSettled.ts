import { expect } from '@playwright/test';
import { checkoutEnvironments } from './checkoutEnvironments';
import { CHECKOUT } from './CHECKOUT';
import { overlayImage } from './overlayImage';
import { readMainFile } from './readMainFile';

async function unsettled(): Promise<string[]> {
  return (await checkoutEnvironments()).flatMap(env => {
    const declared = overlayImage(readMainFile(CHECKOUT.overlay(env.name)));
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
 * Waits until every environment of checkout runs what main declares, as the backend sees it,
 * with no promotion in flight: the start every promotion test needs, whatever ran before.
 */
export async function waitUntilSettled(): Promise<void> {
  await expect
    .poll(unsettled, { timeout: 60_000, intervals: [500] })
    .toEqual([]);
}
