import { z } from 'zod/v3';
import { imageReferenceSchema } from './imageReferenceSchema';
import { isoTimestampSchema } from '../../database/isoTimestampSchema';

/** An approver's decision as `PromotionStore.addDecision` accepts it, with the version decided on. */
export const decisionSchema = z
  .object({
    user: z.string().min(1).max(255),
    decision: z.enum(['approved', 'rejected']),
    comment: z.string().max(2000).optional(),
    at: isoTimestampSchema,
    version: imageReferenceSchema,
  })
  .strict();
