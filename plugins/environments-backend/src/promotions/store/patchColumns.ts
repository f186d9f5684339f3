import type { z } from 'zod/v3';
import type { promotionPatchSchema } from './promotionPatchSchema';
import type { PromotionRow } from './rows';

/** The columns a validated patch changes: reason, canceller, links merged into the stored ones. */
export function patchColumns(
  row: PromotionRow,
  patch: z.infer<typeof promotionPatchSchema>,
): Partial<PromotionRow> {
  return {
    ...(patch.stateReason !== undefined && { state_reason: patch.stateReason }),
    ...(patch.cancelledBy !== undefined && { cancelled_by: patch.cancelledBy }),
    ...(patch.links !== undefined && {
      links: JSON.stringify({ ...JSON.parse(row.links), ...patch.links }),
    }),
  };
}
