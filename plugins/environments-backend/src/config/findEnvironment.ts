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
