import type { PromotionState } from '@stageline/plugin-environments-common';
import type { StatusKind } from '../components/StatusWord';

/** Which status icon each promotion state carries next to its word. */
export const promotionStateKinds: Record<PromotionState, StatusKind> = {
  requested: 'pending',
  'awaiting-approval': 'pending',
  executing: 'running',
  'waiting-for-merge': 'pending',
  'rolling-out': 'running',
  verifying: 'running',
  succeeded: 'ok',
  failed: 'error',
  'failed-verification': 'error',
  rejected: 'aborted',
  cancelled: 'aborted',
};
