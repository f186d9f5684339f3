import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  PromotionRequest,
  PromotionSchedule,
} from '@stageline/plugin-environments-common';
import type { z as zod } from 'zod/v3';
import type { PromotionService } from '../promotions/PromotionService';
import { promotionScheduleSchema } from '../routes/promotionScheduleSchema';
import { entityRefInput } from './entityRefInput';
import { promotionOutput } from './promotionOutput';

/**
 * The input of request-promotion and request-rollback: the same but for what `target` and
 * `version` say. `breakGlass` and `schedule` are what the portal's request dialog offers; the
 * service checks them (permission, reason, incident link, times) as for a REST request.
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
    breakGlass: z
      .object({
        incident: z
          .string()
          .max(2048)
          .describe('The incident this answers, an http(s) URL'),
      })
      .strict()
      .optional()
      .describe(
        'Break-glass: bypass the freeze window, soak time, source health and approvals. Needs the environments.promote.breakglass permission and a reason; approvers are notified and acknowledge it afterwards. Only when the user explicitly asks for it during an incident.',
      ),
    schedule: promotionScheduleSchema(z)
      .optional()
      .describe(
        'Run it later: not before a time, and/or once the target freeze window ends. It holds the target meanwhile, can be cancelled, and every gate is checked again when it runs.',
      ),
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
    breakGlass?: PromotionRequest['breakGlass'];
    schedule?: PromotionSchedule;
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
      ...(input.breakGlass && { breakGlass: input.breakGlass }),
      ...(input.schedule && { schedule: input.schedule }),
      ...kind,
    },
    { credentials },
  );
  return { output: promotionOutput(promotion) };
}
