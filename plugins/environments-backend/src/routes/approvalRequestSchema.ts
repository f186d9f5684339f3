import { z } from 'zod/v3';

/** Body of `POST /promotions/:id/approvals`. */
export const approvalRequestSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(2000).optional(),
  })
  .strict();
