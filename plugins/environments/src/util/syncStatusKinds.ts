import type { SyncStatus } from '@stageline/plugin-environments-common';
import type { StatusKind } from '../components/StatusWord';

/** Which status icon each sync verdict carries next to its word. */
export const syncStatusKinds: Record<SyncStatus, StatusKind> = {
  'in-sync': 'ok',
  'waiting-for-sync': 'pending',
  'sync-failed': 'error',
  'rolling-out': 'running',
  drifted: 'warning',
  degraded: 'error',
  'tag-moved': 'warning',
  missing: 'error',
  unknown: 'aborted',
};
