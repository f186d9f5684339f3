import { InputError } from '@backstage/errors';

const URL_PATH = /^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$|^\/$/;

/** Throws an InputError naming `field` unless `value` is an absolute HTTP path without `..`. */
export function assertUrlPath(field: string, value: string): void {
  const valid =
    value.length <= 200 &&
    URL_PATH.test(value) &&
    !value.split('/').some(s => s === '.' || s === '..');
  if (!valid) {
    throw new InputError(
      `Input '${field}' must be an HTTP path such as '/health' (letters, digits, '.', '_', '~' or '-' after each '/', no '..'), got '${value}'`,
    );
  }
}
