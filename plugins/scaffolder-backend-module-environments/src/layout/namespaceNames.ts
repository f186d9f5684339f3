import { InputError } from '@backstage/errors';
import { assertDns1123Label } from '../validation/assertDns1123Label';
import { PLACEHOLDERS } from '../manifests/placeholders';
import { NamespaceMode } from '../manifests/layoutTypes';

/** The default preview namespace: one per service and pull request, so previews never meet. */
export const DEFAULT_PREVIEW_NAMESPACE = '{service}-pr-{number}';

// In per-service mode the environment is the last '-'-separated part of `<service>-<env>`; an
// environment without '-' that starts with a letter keeps that split unambiguous, so two
// services' namespaces (or a namespace and a `<service>-pr-<n>` preview) can never be equal.
const PER_SERVICE_ENVIRONMENT = /^[a-z][a-z0-9]*$/;

/** The namespace an environment of `service` runs in. */
export function environmentNamespace(
  service: string,
  environment: string,
  mode: NamespaceMode,
): string {
  return mode === 'shared' ? environment : `${service}-${environment}`;
}

/** The preview namespace of `service`, with the pull request number still a placeholder. */
export function previewNamespace(service: string, pattern: string): string {
  return pattern
    .replace('{service}', service)
    .replace('{number}', PLACEHOLDERS.prNumber);
}

/** Throws an InputError naming the field unless `<service>-<environment>` is a usable namespace. */
export function assertPerServiceNamespace(
  field: string,
  service: string,
  environment: string,
): void {
  if (!PER_SERVICE_ENVIRONMENT.test(environment)) {
    throw new InputError(
      `Input '${field}' ('${environment}') must be lowercase letters and digits, starting with a letter, when namespaceMode is 'per-service': the namespace '${service}-${environment}' must tell service and environment apart`,
    );
  }
  assertDns1123Label(field, `${service}-${environment}`);
}

/**
 * Throws an InputError unless `pattern` holds `{number}` once, `{service}` at most once and
 * otherwise only what a namespace name may, and gives a namespace name for a 10-digit number.
 */
export function assertPreviewNamespacePattern(
  field: string,
  service: string,
  pattern: string,
): void {
  const count = (token: string) => pattern.split(token).length - 1;
  const rest = pattern.replace('{service}', '').replace('{number}', '');
  if (count('{number}') !== 1 || count('{service}') > 1 || /[{}]/.test(rest)) {
    throw new InputError(
      `Input '${field}' must contain '{number}' once and may contain '{service}' once, got '${pattern}'`,
    );
  }
  assertDns1123Label(
    field,
    previewNamespace(service, pattern).replace(
      PLACEHOLDERS.prNumber,
      '1234567890',
    ),
  );
}
