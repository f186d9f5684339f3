import type { PromotionState } from '@stageline/plugin-environments-common';

const FINAL: ReadonlySet<PromotionState> = new Set([
  'succeeded',
  'failed',
  'failed-verification',
  'rejected',
  'cancelled',
]);

/** A final promotion never changes again and no longer holds its target's in-flight slot. */
export function isFinalState(state: PromotionState): boolean {
  return FINAL.has(state);
}
