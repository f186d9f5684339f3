import type { Promotion } from '@stageline/plugin-environments-common';

/** Who the backend names as requester of the rollbacks a failed verification writes. */
const VERIFICATION_ACTOR = 'stageline:verification';

/** A rollback written by a failed verification, not requested by a person. */
export function isAutomaticRollback(promotion: Promotion): boolean {
  return (
    promotion.kind === 'rollback' &&
    promotion.requestedBy === VERIFICATION_ACTOR
  );
}
