import { InputError } from '@backstage/errors';
import { assertQuantity } from '../validation/assertQuantity';
import { defaultSizing } from './defaultSizing';
import { EnvironmentKind, EnvironmentSizing } from '../manifests/layoutTypes';

/** A partial sizing as given in the `sizing` input. */
export type SizingOverride = {
  replicas?: number;
  requests?: Partial<EnvironmentSizing['requests']>;
  limits?: Partial<EnvironmentSizing['limits']>;
  quota?: Partial<EnvironmentSizing['quota']>;
  maxReplicas?: number;
  minAvailable?: number;
};

/** The default sizing for `kind` ({@link defaultSizing}), overridden field by field, with every quantity checked. */
export function resolveSizing(
  environment: string,
  kind: EnvironmentKind,
  override: SizingOverride = {},
): EnvironmentSizing {
  const base = defaultSizing(kind);
  const sizing: EnvironmentSizing = {
    replicas: override.replicas ?? base.replicas,
    requests: { ...base.requests, ...override.requests },
    limits: { ...base.limits, ...override.limits },
    quota: { ...base.quota, ...override.quota },
    maxReplicas: override.maxReplicas ?? Math.max(base.maxReplicas, 1),
    minAvailable: override.minAvailable ?? base.minAvailable,
  };
  const field = `sizing.${environment}`;
  for (const part of ['requests', 'limits'] as const) {
    assertQuantity(`${field}.${part}.cpu`, sizing[part].cpu);
    assertQuantity(`${field}.${part}.memory`, sizing[part].memory);
  }
  for (const key of [
    'requestsCpu',
    'requestsMemory',
    'limitsCpu',
    'limitsMemory',
  ] as const) {
    assertQuantity(`${field}.quota.${key}`, sizing.quota[key]);
  }
  if (kind === 'protected') {
    if (sizing.maxReplicas < sizing.replicas) {
      throw new InputError(
        `Input '${field}.maxReplicas' (${sizing.maxReplicas}) must be at least the replicas (${sizing.replicas})`,
      );
    }
    if (sizing.minAvailable >= Math.max(sizing.replicas, 1)) {
      throw new InputError(
        `Input '${field}.minAvailable' (${sizing.minAvailable}) must be below the replicas (${sizing.replicas}) or nodes can never be drained`,
      );
    }
  }
  return sizing;
}
