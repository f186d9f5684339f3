import type { Promotion } from '@stageline/plugin-environments-common';
import { promotionStateLabels } from './promotionStateLabels';

/** Whether the promotion was requested to run later and has not started yet. */
export function isScheduled(promotion: Promotion): boolean {
  return Boolean(promotion.schedule) && promotion.state === 'requested';
}

/** A promotion's state in words: a requested one that waits for its schedule is "Scheduled". */
export function stateLabel(promotion: Promotion): string {
  return isScheduled(promotion)
    ? 'Scheduled'
    : promotionStateLabels[promotion.state];
}
