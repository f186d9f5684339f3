import { NotFoundError } from '@backstage/errors';
import type { Environment } from './Environment';
import type { EnvironmentsConfig } from './readEnvironmentsConfig';

/** One environment of a chain, as configured: its definition, gates, execution and links. */
export function findEnvironment(
  config: Pick<EnvironmentsConfig, 'chains'>,
  chain: string,
  environment: string,
): Environment {
  const found = config.chains
    .get(chain)
    ?.find(env => env.definition.name === environment);
  if (!found) {
    throw new NotFoundError(
      `Environment '${environment}' is not part of chain '${chain}'`,
    );
  }
  return found;
}

/**
 * The environments of the chain an entity names, as configured.
 *
 * @throws NotFoundError when config has no such chain.
 */
export function findChain(
  config: Pick<EnvironmentsConfig, 'chains'>,
  entity: { entityRef: string; chain: string },
): Environment[] {
  const chain = config.chains.get(entity.chain);
  if (!chain) {
    throw new NotFoundError(
      `Entity '${entity.entityRef}' names chain '${entity.chain}', which is not configured under environments.chains`,
    );
  }
  return chain;
}

/** Whether `environment` of the entity's chain is protected; false when the chain lacks it. */
export function isProtectedEnvironment(
  config: Pick<EnvironmentsConfig, 'chains'>,
  entity: { entityRef: string; chain: string },
  environment: string,
): boolean {
  return findChain(config, entity).some(
    ({ definition }) => definition.name === environment && definition.protected,
  );
}
