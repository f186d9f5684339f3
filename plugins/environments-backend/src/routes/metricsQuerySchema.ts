import { z } from 'zod/v3';
import { toEntityRef } from './entityRefListSchema';

const DAY_MS = 24 * 3600_000;
const DEFAULT_DAYS = 28;
const MAX_DAYS = 366;

const timestamp = z
  .string()
  .max(40)
  .refine(v => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date or time')
  .transform(v => new Date(v));

/**
 * Query of `GET /metrics`: exactly one of `entityRef`, `system` or `group`; the period
 * [from, to) (default: the 28 days up to now, at most 366 days); `format` json or csv.
 */
export function metricsQuerySchema(now: () => Date) {
  return z
    .object({
      entityRef: z.string().max(255).optional(),
      system: z.string().max(255).optional(),
      group: z.string().max(255).optional(),
      from: timestamp.optional(),
      to: timestamp.optional(),
      format: z.enum(['json', 'csv']).default('json'),
    })
    .strict()
    .transform((query, ctx) => {
      const given = (['entityRef', 'system', 'group'] as const).filter(
        key => query[key] !== undefined,
      );
      if (given.length !== 1) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'give exactly one of entityRef, system or group',
        });
        return z.NEVER;
      }
      const key = given[0];
      const ref = toEntityRef(
        query[key]!,
        key === 'entityRef' ? undefined : [key],
      );
      if (!ref) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: `must be a ${
            key === 'entityRef' ? 'catalog entity' : key
          } ref`,
        });
        return z.NEVER;
      }
      const to = query.to ?? now();
      const from = query.from ?? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
      if (from >= to) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['from'],
          message: "must be before 'to'",
        });
        return z.NEVER;
      }
      if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['from'],
          message: `the period may span at most ${MAX_DAYS} days`,
        });
        return z.NEVER;
      }
      return {
        scope: {
          kind: key === 'entityRef' ? ('entity' as const) : key,
          ref,
        },
        period: { from, to },
        format: query.format,
      };
    });
}
