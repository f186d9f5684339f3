import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod/v3';

const MAX_VALUES = 50;

/** A query value given once, repeated, or comma-separated: a list of trimmed, non-empty values. */
export const queryListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform(value =>
    (Array.isArray(value) ? value : [value])
      .flatMap(v => v.split(','))
      .map(v => v.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(255)).min(1).max(MAX_VALUES));

/**
 * Entity refs (`team-a`, `group:team-a`, `group:default/team-a`) as full, lower-case refs of
 * `kinds` (the first is the default kind).
 */
export function entityRefListSchema(kinds: [string, ...string[]]) {
  return queryListSchema.transform((values, ctx) => {
    const refs: string[] = [];
    for (const value of values) {
      const ref = toEntityRef(value, kinds);
      if (!ref) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `'${value}' is not a ${kinds.join(' or ')} entity ref`,
        });
        return z.NEVER;
      }
      refs.push(ref);
    }
    return new Set(refs);
  });
}

/**
 * A full lower-case entity ref of one of `kinds` (any kind, `component` by default, when
 * absent), or undefined when `value` is not one.
 */
export function toEntityRef(
  value: string,
  kinds?: [string, ...string[]],
): string | undefined {
  try {
    const ref = parseEntityRef(value, {
      defaultKind: kinds?.[0] ?? 'component',
      defaultNamespace: 'default',
    });
    if (kinds && !kinds.includes(ref.kind.toLocaleLowerCase('en-US'))) {
      return undefined;
    }
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
