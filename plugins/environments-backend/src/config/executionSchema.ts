import { z } from 'zod/v3';
import { assertSafeRef } from '../gitops/assertSafeRef';
import { durationSchema } from './durationSchema';

function isSafeRef(ref: string): boolean {
  try {
    assertSafeRef(ref);
    return true;
  } catch {
    return false;
  }
}

const workflowSchema = z
  .object({
    file: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/,
        'must be a workflow file name in .github/workflows, e.g. deploy.yml',
      ),
    ref: z
      .string()
      .refine(isSafeRef, 'must be a branch or tag name, e.g. main')
      .optional(),
  })
  .strict();

/**
 * How promotions are executed: the keys shared by `environments.gitops` (defaults) and each
 * chain environment (overrides).
 */
export const executionSchema = z.object({
  mode: z.enum(['pull-request', 'commit', 'workflow-dispatch']).optional(),
  autoMerge: z.boolean().optional(),
  workflow: workflowSchema.optional(),
  rolloutTimeout: durationSchema
    .refine(ms => ms > 0, 'must be longer than 0')
    .optional(),
});
