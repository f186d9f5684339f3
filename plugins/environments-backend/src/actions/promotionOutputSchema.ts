import type { z as zod } from 'zod/v3';

/** Output schema of the mutating actions, matching `promotionOutput`. */
export function promotionOutputSchema(z: typeof zod) {
  return z.object({
    id: z.string(),
    target: z.string(),
    version: z.string(),
    state: z.string(),
    stateReason: z.string().optional(),
    requestedBy: z.string(),
    approvalsRequired: z.number(),
    approvedBy: z.array(z.string()),
    link: z.string().optional(),
    cancelledBy: z.string().optional(),
    breakGlass: z
      .object({
        incident: z.string(),
        acknowledgedBy: z.string().optional(),
        acknowledgedAt: z.string().optional(),
      })
      .optional()
      .describe(
        'Set for a break-glass promotion; unacknowledged until acknowledgedBy is set',
      ),
    schedule: z
      .object({
        notBefore: z.string().optional(),
        whenFreezeEnds: z.boolean().optional(),
      })
      .optional()
      .describe(
        'Set for a scheduled promotion: not written before notBefore, and/or until the freeze window ends',
      ),
    waitingFor: z
      .object({
        kind: z.string(),
        detail: z.string(),
        until: z.string().optional(),
      })
      .optional()
      .describe('What the promotion waits for now; absent once it is final'),
  });
}
