import { InputError } from '@backstage/errors';
import { assertDns1123Label } from '../validation/assertDns1123Label';
import { assertDns1123Subdomain } from '../validation/assertDns1123Subdomain';
import { assertSubjectName } from '../validation/assertSubjectName';
import { PLACEHOLDERS } from '../manifests/placeholders';
import { SizingOverride } from './resolveSizing';
import { IngressSettings, RbacSettings } from '../manifests/layoutTypes';

/** Throws an InputError unless the environments are distinct DNS-1123 labels, none the preview's. */
export function assertEnvironmentNames(input: {
  environments: string[];
  protectedEnvironments: string[];
  qaEnvironment: string;
}): void {
  if (input.environments.length === 0) {
    throw new InputError(`Input 'environments' must name at least one`);
  }
  const seen = new Set<string>();
  input.environments.forEach((env, i) => {
    assertDns1123Label(`environments[${i}]`, env);
    if (env === PLACEHOLDERS.previewOverlay) {
      throw new InputError(
        `Input 'environments[${i}]' must not be '${env}': that overlay is the preview template`,
      );
    }
    if (seen.has(env)) {
      throw new InputError(
        `Input 'environments[${i}]' repeats the environment '${env}'`,
      );
    }
    seen.add(env);
  });
  input.protectedEnvironments.forEach((env, i) =>
    assertDns1123Label(`protectedEnvironments[${i}]`, env),
  );
  assertDns1123Label('qaEnvironment', input.qaEnvironment);
}

/** Throws an InputError unless every ingress setting is a valid name. */
export function assertIngress(ingress: IngressSettings): void {
  assertDns1123Subdomain('ingress.domain', ingress.domain);
  assertDns1123Label(
    'ingress.controllerNamespace',
    ingress.controllerNamespace,
  );
  if (ingress.className !== undefined) {
    assertDns1123Subdomain('ingress.className', ingress.className);
  }
  assertDns1123Label('ingress.entryPoint', ingress.entryPoint);
  assertDns1123Label('ingress.certResolver', ingress.certResolver);
}

/** Throws an InputError unless every RBAC subject is a valid name. */
export function assertRbac(rbac: RbacSettings): void {
  assertSubjectName('rbac.developersGroup', rbac.developersGroup);
  assertSubjectName('rbac.qaGroup', rbac.qaGroup);
  assertDns1123Subdomain('rbac.ciServiceAccount', rbac.ciServiceAccount);
  assertDns1123Label(
    'rbac.ciServiceAccountNamespace',
    rbac.ciServiceAccountNamespace,
  );
}

/** Whether an override sets nothing at all (a template may send `{ quota: {} }` for "none"). */
export function isEmptyOverride(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every(isEmptyOverride);
}

/** Throws an InputError for a non-empty sizing override of an environment not being written. */
export function assertSizingKeys(
  sizing: Record<string, SizingOverride>,
  known: Set<string>,
): void {
  for (const [key, override] of Object.entries(sizing)) {
    if (!known.has(key) && !isEmptyOverride(override)) {
      throw new InputError(
        `Input 'sizing.${key}' names no environment being written (${[
          ...known,
        ].join(', ')})`,
      );
    }
  }
}
