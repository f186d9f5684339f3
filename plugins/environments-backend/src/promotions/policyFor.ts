import { NotFoundError } from '@backstage/errors';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import type { EnvironmentPolicy } from './types';

/** The gates and execution settings of one environment of a chain, as configured. */
export function policyFor(
  config: EnvironmentsConfig,
  chain: string,
  environment: string,
): EnvironmentPolicy {
  const policy = config.policies.get(chain)?.get(environment);
  if (!policy) {
    throw new NotFoundError(
      `Environment '${environment}' is not part of chain '${chain}'`,
    );
  }
  return policy;
}
