import { z } from 'zod/v3';
import {
  entityRefListSchema,
  queryListSchema,
  toEntityRef,
} from './entityRefListSchema';

const DEFAULT_LIMIT = 50;

/**
 * Query of `GET /fleet`: catalog filters (owner, system, lifecycle, mine, scope), the state
 * filter and the search, and the page (limit 1 to 500, the cursor of the previous page); as
 * the fleet service's filters (sets of normalized values).
 */
export const fleetQuerySchema = z
  .object({
    owner: entityRefListSchema(['group', 'user']).optional(),
    system: entityRefListSchema(['system']).optional(),
    lifecycle: queryListSchema
      .transform(
        values => new Set(values.map(v => v.toLocaleLowerCase('en-US'))),
      )
      .optional(),
    state: queryListSchema
      .pipe(z.array(z.enum(['drifted', 'failing', 'waiting-for-approval'])))
      .transform(values => new Set(values))
      .optional(),
    mine: z
      .enum(['true', 'false'])
      .transform(v => v === 'true')
      .optional(),
    search: z.string().trim().min(1).max(200).optional(),
    scope: z
      .string()
      .max(255)
      .transform((value, ctx) => {
        const ref = toEntityRef(value, ['system', 'group']);
        if (!ref) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: 'must be a system or group entity ref',
          });
          return z.NEVER;
        }
        return { kind: ref.split(':')[0] as 'system' | 'group', ref };
      })
      .optional(),
    limit: z
      .string()
      .regex(/^[0-9]{1,3}$/, 'must be a whole number from 1 to 500')
      .transform(Number)
      .pipe(z.number().int().min(1).max(500))
      .default(String(DEFAULT_LIMIT)),
    cursor: z.string().min(1).max(1024).optional(),
  })
  .strict()
  .transform(({ owner, system, lifecycle, state, ...rest }) => ({
    ...rest,
    owners: owner,
    systems: system,
    lifecycles: lifecycle,
    states: state,
  }));
