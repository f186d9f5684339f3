import { z } from 'zod/v3';
import type { FreezeWindow } from './Environment';
import { timeZoneSchema } from './timeZoneSchema';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

// A zone is required: a bare local time would depend on where the backend runs.
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be an ISO 8601 time with a zone, e.g. 2024-12-24T00:00:00Z',
  )
  .refine(text => !Number.isNaN(Date.parse(text)), 'is not a valid time');

const clock = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:MM');

const windowFields = z
  .object({
    start: instant.optional(),
    end: instant.optional(),
    days: z.array(z.enum(DAYS)).optional(),
    from: clock.optional(),
    to: clock.optional(),
    timeZone: timeZoneSchema.optional(),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict();

type WindowFields = z.infer<typeof windowFields>;

function checkForm(w: WindowFields, ctx: z.RefinementCtx): void {
  const fixed = w.start !== undefined || w.end !== undefined;
  const weekly = [w.days, w.from, w.to, w.timeZone].some(v => v !== undefined);
  const issue = (message: string, path: string[] = []) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, message, path });
  if (fixed === weekly) {
    issue(
      'a freeze window is either start and end, or days, from, to and timeZone (weekly), not both or neither',
    );
  } else if (fixed) {
    if (!w.start) issue('is required with end', ['start']);
    else if (!w.end) issue('is required with start', ['end']);
    else if (Date.parse(w.end) <= Date.parse(w.start)) {
      issue('must be after start', ['end']);
    }
  } else if (!w.from) {
    issue('is required in a weekly freeze window', ['from']);
  } else if (!w.to) {
    issue('is required in a weekly freeze window', ['to']);
  } else if (w.from === '24:00') {
    issue('must be 23:59 at the latest', ['from']);
  } else if (w.from === w.to) {
    issue('must differ from from: the window would be empty', ['to']);
  }
}

function toFreezeWindow(w: WindowFields): FreezeWindow {
  const reason = w.reason !== undefined ? { reason: w.reason } : {};
  if (w.start && w.end) {
    return { start: new Date(w.start), end: new Date(w.end), ...reason };
  }
  return {
    days: w.days ?? [],
    from: w.from!,
    to: w.to!,
    timeZone: w.timeZone ?? 'UTC',
    ...reason,
  };
}

/**
 * One entry of `gates.freezeWindows`: a fixed range (`start`, `end`) or a weekly recurring one
 * (`days`, `from`, `to`, `timeZone`); exactly one of the two forms.
 */
export const freezeWindowSchema = windowFields
  .superRefine(checkForm)
  .transform(toFreezeWindow);
