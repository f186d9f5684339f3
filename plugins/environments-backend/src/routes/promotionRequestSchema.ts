import { z } from 'zod/v3';
import { httpUrlSchema } from '../promotions/store/httpUrlSchema';
import { dns1123Label } from './dns1123LabelSchema';
import { promotionScheduleSchema } from './promotionScheduleSchema';

/** Body of `POST .../promotions`. */
export const promotionRequestSchema = z
  .object({
    target: dns1123Label,
    version: z.string().min(1).max(512).optional(),
    reason: z.string().max(2000).optional(),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1-128 of [A-Za-z0-9_.:-]')
      .optional(),
    rollback: z.boolean().optional(),
    breakGlass: z.object({ incident: httpUrlSchema }).strict().optional(),
    schedule: promotionScheduleSchema(z).optional(),
  })
  .strict()
  .refine(body => !body.breakGlass || Boolean(body.reason?.trim()), {
    message: 'a break-glass request needs a reason',
    path: ['reason'],
  })
  .refine(body => !body.breakGlass || !body.schedule, {
    message: 'a break-glass request runs at once: it cannot be scheduled',
    path: ['schedule'],
  });
