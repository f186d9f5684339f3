import { InputError } from '@backstage/errors';

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * Throws an InputError naming `field` unless `value` is a plain relative path: `/`-separated
 * segments of letters, digits, `.`, `_` or `-`, none of them `.` or `..`.
 */
export function assertRelativePath(field: string, value: string): void {
  const segments = value.split('/');
  const valid =
    value.length <= 200 &&
    segments.every(s => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!valid) {
    throw new InputError(
      `Input '${field}' must be a relative path inside the repository ('/'-separated names of letters, digits, '.', '_' or '-', no '..'), got '${value}'`,
    );
  }
}
