import type { Config } from '@backstage/config';
import { z } from 'zod/v3';
import { parseConfigValue } from './parseConfigValue';

/** The writes config may grant to a service principal (for CI); approvals are not among them. */
export const SERVICE_ACCESS_ACTIONS = [
  'request-promotion',
  'request-rollback',
  'cancel-promotion',
  'keep-preview',
  'extend-preview',
  'delete-preview',
] as const;

export type ServiceAccessAction = (typeof SERVICE_ACCESS_ACTIONS)[number];

/** Service principal subject -> the writes it may take. */
export type ServiceAccessGrants = Map<string, ReadonlySet<ServiceAccessAction>>;

const KEY = 'environments.serviceAccess';

// Subjects as Backstage sets them: a static external access token's configured `subject` as
// is, `external:<sub>` for a JWKS token, `plugin:<pluginId>` for another plugin. Backstage
// refuses subjects with whitespace, so one here could never match: a typo worth failing on.
const subjectSchema = z
  .string()
  .regex(
    /^\S{1,200}$/,
    "must be a service principal subject without spaces: a static external access token's 'subject', 'external:<sub>' for a JWKS token, 'plugin:<pluginId>' for another plugin",
  );

const actionSchema = z.string().transform((action, ctx) => {
  if (action === 'approve-promotion') {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        "'approve-promotion' cannot be granted to a service: an approval is a person's decision",
    });
    return z.NEVER;
  }
  const known = SERVICE_ACCESS_ACTIONS.find(a => a === action);
  if (!known) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `'${action}' is not an action a service may be granted; use ${SERVICE_ACCESS_ACTIONS.join(
        ', ',
      )}`,
    });
    return z.NEVER;
  }
  return known;
});

const serviceAccessSchema = z
  .array(
    z
      .object({
        subject: subjectSchema,
        actions: z.array(actionSchema).min(1, 'must list at least one action'),
      })
      .strict(),
  )
  .superRefine((grants, ctx) => {
    const seen = new Set<string>();
    grants.forEach(({ subject }, index) => {
      if (seen.has(subject)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'subject'],
          message: `'${subject}' is listed twice; list all of its actions in one entry`,
        });
      }
      seen.add(subject);
    });
  });

/**
 * Reads `environments.serviceAccess`: which service principals may take which writes. Throws
 * naming the key on invalid values, so a bad deployment fails at startup. Default: none.
 */
export function readServiceAccessConfig(config: Config): ServiceAccessGrants {
  const grants = parseConfigValue(
    serviceAccessSchema,
    config.getOptional(KEY) ?? [],
    KEY,
  );
  return new Map(
    grants.map(({ subject, actions }) => [subject, new Set(actions)]),
  );
}
