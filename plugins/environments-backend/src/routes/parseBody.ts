import { InputError } from '@backstage/errors';
import type { z } from 'zod/v3';

/** Validates input with a zod schema; the error names the field. */
export function parseBody<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new InputError(
      `Invalid ${what}${field ? `: '${field}'` : ''}: ${issue.message}`,
    );
  }
  return parsed.data;
}
