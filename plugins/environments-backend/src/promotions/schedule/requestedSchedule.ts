import { InputError } from '@backstage/errors';
import type {
  PromotionRequest,
  PromotionSchedule,
} from '@stageline/plugin-environments-common';

/** How far ahead a promotion may be scheduled: a plan for this release, not a standing order. */
export const MAX_SCHEDULE_AHEAD_DAYS = 30;

const DAY_MS = 24 * 3600_000;

/**
 * The schedule of a request, checked against `now` and normalized (`notBefore` in UTC): a time
 * in the future at most 30 days ahead, and/or `whenFreezeEnds`. Undefined when it has none.
 *
 * @throws InputError (400) for a schedule that is empty, unparsable, past, too far ahead, or
 * asked together with break-glass.
 */
export function requestedSchedule(
  body: Pick<PromotionRequest, 'schedule' | 'breakGlass'>,
  now: Date,
): PromotionSchedule | undefined {
  const { schedule } = body;
  if (!schedule) return undefined;
  if (body.breakGlass) {
    throw new InputError(
      'A break-glass request runs at once: it cannot be scheduled',
    );
  }
  const { notBefore, whenFreezeEnds } = schedule;
  if (notBefore === undefined && whenFreezeEnds !== true) {
    throw new InputError(
      'A schedule needs notBefore, whenFreezeEnds: true, or both',
    );
  }
  if (notBefore === undefined) return { whenFreezeEnds: true };
  const at = parseWithOffset(notBefore);
  if (at.getTime() <= now.getTime()) {
    throw new InputError(
      `schedule.notBefore must be in the future: ${notBefore} has passed`,
    );
  }
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_DAYS * DAY_MS) {
    throw new InputError(
      `schedule.notBefore must be at most ${MAX_SCHEDULE_AHEAD_DAYS} days ahead: ${notBefore} is later`,
    );
  }
  return {
    notBefore: at.toISOString(),
    ...(whenFreezeEnds === true && { whenFreezeEnds: true }),
  };
}

// Date and time with seconds and an explicit offset (Z or ±hh:mm): never the server's local time.
const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseWithOffset(value: string): Date {
  const at = new Date(value);
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(at.getTime())) {
    throw new InputError(
      `schedule.notBefore must be an ISO 8601 time with a time zone offset, e.g. 2026-12-24T18:00:00+01:00; got '${value}'`,
    );
  }
  return at;
}
