import type { Config } from '@backstage/config';
import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import { defaultChain } from './defaultChain';
import { parseChainsConfig } from './parseChainsConfig';

/**
 * Reads `environments.chains`, filling defaults. Invalid config throws an error that names the
 * offending key, so a bad deployment fails at startup rather than on the first page view.
 */
export function readChainsConfig(
  config: Config,
): Map<string, EnvironmentDefinition[]> {
  const chains = new Map<string, EnvironmentDefinition[]>();
  for (const [chainName, envs] of Object.entries(parseChainsConfig(config))) {
    chains.set(
      chainName,
      envs.map(env => ({
        name: env.name,
        namespace: env.namespace ?? env.name,
        cluster: env.cluster,
        overlay: env.overlay ?? env.name,
        protected: env.protected ?? false,
      })),
    );
  }
  if (!chains.has('default')) {
    chains.set('default', defaultChain);
  }
  return chains;
}
