import { InputError } from '@backstage/errors';

// RBAC group names are free-form strings in Kubernetes; this keeps them to what identity
// providers emit (e.g. `developers`, `oidc:qa-engineers`, `team@example.com`).
const SUBJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;

/** Throws an InputError naming `field` unless `value` is a plausible RBAC group name. */
export function assertSubjectName(field: string, value: string): void {
  if (value.length > 253 || !SUBJECT_NAME.test(value)) {
    throw new InputError(
      `Input '${field}' must be a group name of letters, digits, '.', '_', ':', '@' or '-' (at most 253 characters, starting with a letter or digit), got '${value}'`,
    );
  }
}
