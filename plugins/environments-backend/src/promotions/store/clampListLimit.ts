import { InputError } from '@backstage/errors';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** The row limit of a list query: 50 unless asked, never more than 200. */
export function clampListLimit(limit: number | undefined): number {
  if (limit === undefined) {
    return DEFAULT_LIMIT;
  }
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InputError(`limit must be a positive integer, got ${limit}`);
  }
  return Math.min(limit, MAX_LIMIT);
}
