import { z } from 'zod/v3';
import { isoTimestampSchema } from '../../database/isoTimestampSchema';
import { httpUrlSchema } from './httpUrlSchema';
import { imageReferenceSchema } from './imageReferenceSchema';

const environmentName = z
  .string()
  .min(1)
  .max(63)
  .refine(name => !name.includes('|'), 'must not contain "|"');

/** A promotion as `PromotionStore.create` accepts it. */
export const newPromotionSchema = z
  .object({
    entityRef: z.string().min(1).max(255),
    kind: z.enum(['promotion', 'rollback']),
    source: environmentName.optional(),
    target: environmentName,
    targetFolder: z.string().min(1).max(4096),
    version: imageReferenceSchema,
    requestedBy: z.string().min(1).max(255),
    reason: z.string().max(2000).optional(),
    mode: z.enum(['pull-request', 'commit', 'workflow-dispatch']),
    autoMerge: z.boolean(),
    approvalsRequired: z.number().int().min(0).max(100),
    idempotencyKey: z.string().min(1).max(128).optional(),
    sourceCommitAt: isoTimestampSchema.optional(),
    breakGlass: z.object({ incident: httpUrlSchema }).strict().optional(),
    schedule: z
      .object({
        notBefore: isoTimestampSchema.optional(),
        whenFreezeEnds: z.boolean().optional(),
      })
      .strict()
      .optional(),
    // A promotion starts in flight; final states are reached through `transition`.
    state: z.enum(['requested', 'awaiting-approval', 'executing']),
  })
  .strict();
