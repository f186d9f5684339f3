import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';

/** The placeholder a namespace or preview pattern may hold: the service (entity) name. */
export const SERVICE_PLACEHOLDER = '{service}';

/**
 * A namespace name or preview pattern for one service: `{service}-staging` -> `checkout-staging`,
 * for clusters where each service has namespaces of its own.
 */
export function forService(pattern: string, service: string): string {
  return pattern.split(SERVICE_PLACEHOLDER).join(service);
}

/** A chain with its namespaces named for one service. */
export function chainForService(
  chain: EnvironmentDefinition[],
  service: string,
): EnvironmentDefinition[] {
  return chain.map(env =>
    env.namespace.includes(SERVICE_PLACEHOLDER)
      ? { ...env, namespace: forService(env.namespace, service) }
      : env,
  );
}
