import { InputError } from '@backstage/errors';

const SLUG_PART = /^[A-Za-z0-9_.-]+$/;

/** Throws an InputError naming `field` unless `value` is a GitHub `owner/repo`. */
export function assertRepoSlug(field: string, value: string): void {
  const parts = value.split('/');
  const valid =
    parts.length === 2 &&
    parts.every(p => SLUG_PART.test(p) && p !== '.' && p !== '..');
  if (!valid) {
    throw new InputError(`Input '${field}' must be owner/repo, got '${value}'`);
  }
}
