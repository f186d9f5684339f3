import { z } from 'zod/v3';

/** `:id` of the promotion routes. */
export const promotionIdSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'is not a promotion id'),
  })
  .passthrough();
