import type { z } from 'zod/v3';

/**
 * Validates a raw config value with `schema`. Throws an error that names the offending key
 * (`key` plus the path inside the value), so a bad deployment fails at startup rather than on
 * the first request.
 */
export function parseConfigValue<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  key: string,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = [key, ...issue.path].join('.');
    throw new Error(`Invalid config at '${path}': ${issue.message}`);
  }
  return parsed.data;
}
