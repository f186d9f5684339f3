import { z } from 'zod/v3';
import { isoTimestampSchema } from './isoTimestampSchema';

/** An approver's decision as `PromotionStore.addDecision` accepts it. */
export const decisionSchema = z
  .object({
    user: z.string().min(1).max(255),
    decision: z.enum(['approved', 'rejected']),
    comment: z.string().max(2000).optional(),
    at: isoTimestampSchema,
  })
  .strict();
