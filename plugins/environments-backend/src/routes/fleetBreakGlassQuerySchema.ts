import { z } from 'zod/v3';

/** The store lists at most this many unacknowledged break-glass promotions at once. */
const MAX_LIMIT = 200;

/**
 * Query of `GET /fleet/breakglass`: how many unacknowledged break-glass promotions to return at
 * most (1 to 200, default 200), newest first.
 */
export const fleetBreakGlassQuerySchema = z
  .object({
    limit: z
      .string()
      .regex(/^[0-9]{1,3}$/, `must be a whole number from 1 to ${MAX_LIMIT}`)
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_LIMIT))
      .default(String(MAX_LIMIT)),
  })
  .strict();
