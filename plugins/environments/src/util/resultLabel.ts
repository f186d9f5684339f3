import type { Promotion } from '@stageline/plugin-environments-common';
import { stateLabel } from './stateLabel';

/** A promotion's outcome in words; a rollback that went through says so. */
export function resultLabel(promotion: Promotion): string {
  if (promotion.kind === 'rollback' && promotion.state === 'succeeded') {
    return 'Rolled back';
  }
  return stateLabel(promotion);
}
