import { InputError } from '@backstage/errors';
import { assertDns1123Label } from '../validation/assertDns1123Label';
import { assertDns1123Subdomain } from '../validation/assertDns1123Subdomain';
import { assertImageRepository } from '../validation/assertImageRepository';
import { assertRelativePath } from '../validation/assertRelativePath';
import { assertServiceName } from '../validation/assertServiceName';
import { assertUrlPath } from '../validation/assertUrlPath';
import {
  assertEnvironmentNames,
  assertIngress,
  assertRbac,
  assertSizingKeys,
  isEmptyOverride,
} from './assertLayoutInput';
import { environmentHost } from './environmentHost';
import { environmentKind } from './environmentKind';
import {
  assertPerServiceNamespace,
  assertPreviewNamespacePattern,
  environmentNamespace,
  previewNamespace,
} from './namespaceNames';
import { PLACEHOLDERS } from '../manifests/placeholders';
import { resolveSizing, SizingOverride } from './resolveSizing';
import {
  EnvironmentKind,
  EnvironmentLayout,
  IngressSettings,
  NamespaceMode,
  PodSecuritySettings,
  RbacSettings,
  ServiceLayout,
} from '../manifests/layoutTypes';

/** Input of {@link buildServiceLayout}: the parsed action input, not yet validated. */
export type LayoutInput = {
  name: string;
  owner: string;
  image: string;
  basePath: string;
  overlaysPath: string;
  namespaceMode: NamespaceMode;
  podSecurity: PodSecuritySettings;
  protectedEnvironments: string[];
  qaEnvironment: string;
  ingress: IngressSettings;
  rbac: RbacSettings;
  sizing: Record<string, SizingOverride>;
  environments: string[];
  previews: boolean;
  previewNamespace: string;
  port: number;
  healthPath: string;
  migrations: boolean;
  migrationsCommand: string[];
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
  assertNamespaces(input);
  assertIngress(input.ingress);
  assertRbac(input.rbac);
  assertMigrationsCommand(input);
  const known = new Set(input.environments);
  if (input.previews) known.add(PLACEHOLDERS.previewOverlay);
  assertSizingKeys(input.sizing, known);

  const layoutOf = (name: string, kind: EnvironmentKind): EnvironmentLayout => {
    const host = environmentHost(input.name, name, kind, input.ingress.domain);
    // The preview host holds a placeholder; check it as CI will fill it in.
    assertDns1123Subdomain(
      `ingress.domain`,
      host.replace(PLACEHOLDERS.prNumber, '1234567890'),
    );
    const preview = kind === 'preview';
    const ownsNamespace = preview || input.namespaceMode === 'per-service';
    const override = input.sizing[name];
    if (!ownsNamespace && !isEmptyOverride(override?.quota)) {
      throw new InputError(
        `Input 'sizing.${name}.quota' cannot be set when namespaceMode is 'shared': the environment layer (stageline:environments:platform) owns the '${name}' namespace and its quota`,
      );
    }
    return {
      name,
      namespace: preview
        ? previewNamespace(input.name, input.previewNamespace)
        : environmentNamespace(input.name, name, input.namespaceMode),
      ownsNamespace,
      kind,
      host,
      sizing: resolveSizing(name, kind, override),
    };
  };

  return {
    name: input.name,
    owner: input.owner,
    image: input.image,
    port: input.port,
    healthPath: input.healthPath,
    basePath: input.basePath,
    overlaysPath: input.overlaysPath,
    namespaceMode: input.namespaceMode,
    podSecurity: input.podSecurity,
    migrations: input.migrations ? input.migrationsCommand : undefined,
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

function assertNamespaces(input: LayoutInput) {
  if (input.namespaceMode === 'per-service') {
    input.environments.forEach((env, i) =>
      assertPerServiceNamespace(`environments[${i}]`, input.name, env),
    );
  }
  if (input.previews) {
    assertPreviewNamespacePattern(
      'previewNamespace',
      input.name,
      input.previewNamespace,
    );
  }
}

// The command runs as exec argv, never through a shell; it only has to be non-empty and printable.
function assertMigrationsCommand(input: LayoutInput) {
  const { migrationsCommand: command } = input;
  const printable = (part: string) =>
    part.length > 0 &&
    part.length <= 256 &&
    [...part].every(char => char.charCodeAt(0) >= 0x20);
  if (
    command.length === 0 ||
    command.length > 32 ||
    !command.every(printable)
  ) {
    throw new InputError(
      `Input 'migrationsCommand' must be 1 to 32 non-empty arguments of printable characters, e.g. ['/app/migrate', 'up']`,
    );
  }
}
