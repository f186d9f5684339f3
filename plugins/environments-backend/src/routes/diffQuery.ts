import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

const version = z.string().min(1).max(512);
const schema = z.object({ from: version, to: version }).strict();

/** Validates `?from=&to=` of the diff route. */
export function parseDiffQuery(query: unknown): { from: string; to: string } {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `Query parameter ${issue.path.join('.') || '(unknown)'}: ${
        issue.message
      }`,
    );
  }
  return parsed.data;
}
