import type { PromotionState } from '@stageline/plugin-environments-common';

/** How each promotion state reads in the UI. */
export const promotionStateLabels: Record<PromotionState, string> = {
  requested: 'Requested',
  'awaiting-approval': 'Awaiting approval',
  executing: 'Writing to Git',
  'waiting-for-merge': 'Waiting for merge',
  'rolling-out': 'Rolling out',
  verifying: 'Verifying',
  succeeded: 'Succeeded',
  failed: 'Failed',
  'failed-verification': 'Failed verification',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};
