import { assertDns1123Label } from '../validation/assertDns1123Label';
import { assertRelativePath } from '../validation/assertRelativePath';
import {
  assertEnvironmentNames,
  assertRbac,
  assertSizingKeys,
} from './assertLayoutInput';
import { environmentKind } from './environmentKind';
import { resolveSizing, SizingOverride } from './resolveSizing';
import {
  NamespaceLayer,
  PodSecuritySettings,
  RbacSettings,
} from '../manifests/layoutTypes';

/** Input of {@link buildPlatformLayout}: the parsed action input, not yet validated. */
export type PlatformInput = {
  path: string;
  owner: string;
  environments: string[];
  protectedEnvironments: string[];
  qaEnvironment: string;
  rbac: RbacSettings;
  podSecurity: PodSecuritySettings;
  sizing: Record<string, Pick<SizingOverride, 'requests' | 'limits' | 'quota'>>;
};

/** The environment layer to write: one shared namespace per environment, under `path`. */
export type PlatformLayout = { path: string; layers: NamespaceLayer[] };

/**
 * Validates the environment layer's input (throwing an InputError that names the field) and
 * resolves one shared namespace per environment, with the default sizing unless overridden.
 */
export function buildPlatformLayout(input: PlatformInput): PlatformLayout {
  assertRelativePath('path', input.path);
  assertDns1123Label('owner', input.owner);
  assertEnvironmentNames(input);
  assertRbac(input.rbac);
  assertSizingKeys(input.sizing, new Set(input.environments));
  return {
    path: input.path,
    layers: input.environments.map(environment => {
      const kind = environmentKind(environment, input);
      return {
        environment,
        namespace: environment,
        kind,
        owner: input.owner,
        podSecurity: input.podSecurity,
        sizing: resolveSizing(environment, kind, input.sizing[environment]),
        rbac: input.rbac,
      };
    }),
  };
}
