import { parseImageReference } from '@stageline/plugin-environments-common';
import { z } from 'zod/v3';

/** `name[:tag][@digest]`, as `formatImageReference` writes it. */
const imageReference = z
  .string()
  .max(512)
  .refine(value => {
    try {
      parseImageReference(value);
      return true;
    } catch {
      return false;
    }
  }, 'is not an image reference (name:tag@digest)');

/**
 * Body of `POST /promotions/:id/approvals`: the decision and what the approver was shown, so a
 * version or target base that moved since is refused instead of approved unseen.
 */
export const approvalRequestSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(2000).optional(),
    version: imageReference,
    targetBase: imageReference.nullable(),
  })
  .strict();
