import { z } from 'zod/v3';

/** Every PromotionState. */
export const promotionStateSchema = z.enum([
  'requested',
  'awaiting-approval',
  'executing',
  'waiting-for-merge',
  'rolling-out',
  'verifying',
  'succeeded',
  'failed',
  'failed-verification',
  'rejected',
  'cancelled',
]);
