import { z } from 'zod/v3';
import type { GatesConfig } from './Environment';
import { durationSchema } from './durationSchema';
import { freezeWindowSchema } from './freezeWindowSchema';

/** `gates` of a chain environment: what promotion INTO it requires. */
export const gatesSchema = z
  .object({
    healthyFor: durationSchema.optional(),
    soakTime: durationSchema.optional(),
    approvals: z.number().int().min(0).max(20).optional(),
    freezeWindows: z.array(freezeWindowSchema).optional(),
    verifiedInSource: z.boolean().optional(),
    freezeBlocksRollback: z.boolean().optional(),
  })
  .strict()
  .transform(
    (gates): GatesConfig => ({
      healthyForMs: gates.healthyFor ?? 0,
      soakTimeMs: gates.soakTime ?? 0,
      approvals: gates.approvals ?? 0,
      freezeWindows: gates.freezeWindows ?? [],
      verifiedInSource: gates.verifiedInSource ?? false,
      freezeBlocksRollback: gates.freezeBlocksRollback ?? false,
    }),
  );
