import { expect } from '@playwright/test';
import type { SyncStatusRecord } from './recordSyncStatuses';

/** The rollout was seen (briefly: ~3 s in the demo cluster) and ended in sync. */
export function expectRolledOut(record: SyncStatusRecord): void {
  const { statuses, errors } = record;
  const seen = `statuses seen: ${statuses.join(' → ')}; failed samples: ${
    errors.join('; ') || 'none'
  }`;
  const rolling = statuses.lastIndexOf('rolling-out');
  expect(rolling, seen).toBeGreaterThan(-1);
  expect(statuses.slice(rolling + 1), seen).toEqual(['in-sync']);
}
