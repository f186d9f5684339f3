import type { z as zod } from 'zod/v3';
import { MAX_SCHEDULE_AHEAD_DAYS } from '../promotions/schedule/requestedSchedule';

/**
 * `schedule` of a promotion request, for the REST body and the MCP actions alike (built with the
 * caller's zod). Its shape only: that `notBefore` is ahead, and not too far, is the service's check.
 */
export function promotionScheduleSchema(z: typeof zod) {
  return z
    .object({
      notBefore: z
        .string()
        .datetime({
          offset: true,
          message:
            'must be an ISO 8601 time with a time zone offset, e.g. 2026-12-24T18:00:00+01:00',
        })
        .optional()
        .describe(
          `Not written before this time: ISO 8601 with a time zone offset, in the future, at most ${MAX_SCHEDULE_AHEAD_DAYS} days ahead`,
        ),
      whenFreezeEnds: z
        .boolean()
        .optional()
        .describe(
          "true to request it during the target's freeze window: it runs once the window ends",
        ),
    })
    .strict()
    .refine(s => s.notBefore !== undefined || s.whenFreezeEnds === true, {
      message: 'a schedule needs notBefore, whenFreezeEnds: true, or both',
    });
}
