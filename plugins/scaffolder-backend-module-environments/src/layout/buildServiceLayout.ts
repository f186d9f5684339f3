import { InputError } from '@backstage/errors';
import { assertDns1123Label } from '../actions/dns1123';
import { assertDns1123Subdomain } from '../validation/assertDns1123Subdomain';
import { assertImageRepository } from '../validation/assertImageRepository';
import { assertRelativePath } from '../validation/assertRelativePath';
import { assertServiceName } from '../validation/assertServiceName';
import { assertSubjectName } from '../validation/assertSubjectName';
import { assertUrlPath } from '../validation/assertUrlPath';
import { environmentHost } from './environmentHost';
import { environmentKind } from './environmentKind';
import { PLACEHOLDERS } from './placeholders';
import { resolveSizing, SizingOverride } from './resolveSizing';
import {
  EnvironmentKind,
  EnvironmentLayout,
  IngressSettings,
  RbacSettings,
  ServiceLayout,
} from './types';

/** Input of {@link buildServiceLayout}: the parsed action input, not yet validated. */
export type LayoutInput = {
  name: string;
  owner: string;
  image: string;
  basePath: string;
  overlaysPath: string;
  protectedEnvironments: string[];
  qaEnvironment: string;
  ingress: IngressSettings;
  rbac: RbacSettings;
  sizing: Record<string, SizingOverride>;
  environments: string[];
  previews: boolean;
  port: number;
  healthPath: string;
  migrations: boolean;
};

/**
 * Validates every name, path and quantity (throwing an InputError that names the field) and
 * resolves the defaults, before anything is built or written.
 */
export function buildServiceLayout(input: LayoutInput): ServiceLayout {
  assertServiceName('name', input.name);
  assertDns1123Label('owner', input.owner);
  assertImageRepository('image', input.image);
  assertRelativePath('basePath', input.basePath);
  assertRelativePath('overlaysPath', input.overlaysPath);
  assertSeparateFolders(input.basePath, input.overlaysPath);
  assertUrlPath('healthPath', input.healthPath);
  assertEnvironmentNames(input);
  assertIngress(input.ingress);
  assertRbac(input.rbac);
  assertSizingKeys(input);

  const layoutOf = (name: string, kind: EnvironmentKind): EnvironmentLayout => {
    const host = environmentHost(input.name, name, kind, input.ingress.domain);
    // The preview host holds a placeholder; check it as CI will fill it in.
    assertDns1123Subdomain(
      `ingress.domain`,
      host.replace(PLACEHOLDERS.prNumber, '1234567890'),
    );
    const namespace =
      kind === 'preview' ? `feature-pr-${PLACEHOLDERS.prNumber}` : name;
    const sizing = resolveSizing(name, kind, input.sizing[name]);
    return { name, namespace, kind, host, sizing };
  };

  return {
    name: input.name,
    owner: input.owner,
    image: input.image,
    port: input.port,
    healthPath: input.healthPath,
    basePath: input.basePath,
    overlaysPath: input.overlaysPath,
    migrations: input.migrations,
    ingress: input.ingress,
    rbac: input.rbac,
    environments: input.environments.map(env =>
      layoutOf(env, environmentKind(env, input)),
    ),
    preview: input.previews
      ? layoutOf(PLACEHOLDERS.previewOverlay, 'preview')
      : undefined,
  };
}

function assertSeparateFolders(basePath: string, overlaysPath: string) {
  const inside = (a: string, b: string) => a === b || a.startsWith(`${b}/`);
  if (inside(basePath, overlaysPath) || inside(overlaysPath, basePath)) {
    throw new InputError(
      `Input 'overlaysPath' ('${overlaysPath}') and 'basePath' ('${basePath}') must be separate folders`,
    );
  }
}

function assertEnvironmentNames(input: LayoutInput) {
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

function assertIngress(ingress: IngressSettings) {
  assertDns1123Subdomain('ingress.domain', ingress.domain);
  assertDns1123Label(
    'ingress.controllerNamespace',
    ingress.controllerNamespace,
  );
  assertDns1123Subdomain('ingress.className', ingress.className);
  assertDns1123Label('ingress.entryPoint', ingress.entryPoint);
  assertDns1123Label('ingress.certResolver', ingress.certResolver);
}

function assertRbac(rbac: RbacSettings) {
  assertSubjectName('rbac.developersGroup', rbac.developersGroup);
  assertSubjectName('rbac.qaGroup', rbac.qaGroup);
  assertDns1123Subdomain('rbac.ciServiceAccount', rbac.ciServiceAccount);
  assertDns1123Label(
    'rbac.ciServiceAccountNamespace',
    rbac.ciServiceAccountNamespace,
  );
}

function assertSizingKeys(input: LayoutInput) {
  const known = new Set(input.environments);
  if (input.previews) known.add(PLACEHOLDERS.previewOverlay);
  for (const key of Object.keys(input.sizing)) {
    if (!known.has(key)) {
      throw new InputError(
        `Input 'sizing.${key}' names no environment being written (${[
          ...known,
        ].join(', ')})`,
      );
    }
  }
}
