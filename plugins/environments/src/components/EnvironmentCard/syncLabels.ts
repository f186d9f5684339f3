import type { SyncStatus } from '@stageline/plugin-environments-common';

/** How each sync verdict reads in the UI. */
export const syncLabels: Record<SyncStatus, string> = {
  'in-sync': 'In sync',
  'rolling-out': 'Rolling out',
  drifted: 'Drifted',
  missing: 'Missing',
  unknown: 'Unknown',
};
