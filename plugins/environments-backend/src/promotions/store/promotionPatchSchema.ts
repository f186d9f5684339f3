import { z } from 'zod/v3';
import { httpUrlSchema } from './httpUrlSchema';
import { truncateText } from './truncateText';

const urlSchema = httpUrlSchema.optional();

/** Links and a reason recorded with a transition or a patch. */
export const promotionPatchSchema = z
  .object({
    stateReason: z.string().transform(truncateText).optional(),
    cancelledBy: z.string().min(1).max(255).optional(),
    links: z
      .object({
        pullRequest: z
          .object({ number: z.number().int().positive(), url: urlSchema })
          .strict()
          .optional(),
        commit: z
          .object({
            sha: z.string().regex(/^[0-9a-f]{7,64}$/, 'is not a commit SHA'),
            url: urlSchema,
          })
          .strict()
          .optional(),
        workflowRun: z
          .object({
            id: z.number().int().positive().optional(),
            url: urlSchema,
          })
          .strict()
          .optional(),
        branch: z.string().min(1).max(255).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
