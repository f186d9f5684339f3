import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { z as zod } from 'zod/v3';
import type { PromotionService } from '../promotions/PromotionService';
import { entityRefInput } from './entityRefInput';
import { promotionOutput } from './promotionOutput';

/**
 * The input of request-promotion and request-rollback: the same but for what `target` and
 * `version` say.
 */
export function promotionRequestInput<V extends zod.ZodTypeAny>(
  z: typeof zod,
  fields: { target: zod.ZodString; version: V },
) {
  return z.object({
    entityRef: z.string().describe('e.g. component:default/checkout'),
    target: fields.target,
    version: fields.version,
    reason: z.string().max(2000).optional(),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,128}$/)
      .optional(),
  });
}

/** Requests the promotion (or rollback) and answers with it, as the actions output it. */
export async function requestPromotionOutput(
  promotions: PromotionService,
  input: {
    entityRef: string;
    target: string;
    version?: string;
    reason?: string;
    idempotencyKey?: string;
  },
  credentials: BackstageCredentials,
  kind: { rollback?: true } = {},
) {
  const { promotion } = await promotions.request(
    entityRefInput(input.entityRef),
    {
      target: input.target,
      version: input.version,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      ...kind,
    },
    { credentials },
  );
  return { output: promotionOutput(promotion) };
}
