import type { SyncStatus } from '@stageline/plugin-environments-common';

/** How each sync verdict reads in the UI. */
export const syncLabels: Record<SyncStatus, string> = {
  'in-sync': 'In sync',
  'waiting-for-sync': 'Waiting for sync',
  'sync-failed': 'Sync failed',
  'rolling-out': 'Rolling out',
  drifted: 'Drifted',
  degraded: 'Degraded',
  'tag-moved': 'Tag moved',
  missing: 'Missing',
  unknown: 'Unknown',
};
