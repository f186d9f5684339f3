import { ConflictError } from '@backstage/errors';
import type { Promotion } from '@stageline/plugin-environments-common';

/** The 409 for a second promotion into an overlay folder that already has one in flight. */
export function inFlightConflict(promotion: Promotion): ConflictError {
  return new ConflictError(
    `Promotion ${promotion.id} to ${promotion.target} is already in flight ` +
      `(${promotion.state}, requested by ${promotion.requestedBy})`,
  );
}
