import type { Config } from '@backstage/config';
import type { EnvironmentPolicy, GatesConfig } from '../promotions/types';
import { defaultChain } from './defaultChain';
import { parseChainsConfig } from './parseChainsConfig';
import { readExecutionDefaults } from './readExecutionDefaults';
import { resolveExecution } from './resolveExecution';

function noGates(): GatesConfig {
  return { healthyForMs: 0, soakTimeMs: 0, approvals: 0, freezeWindows: [] };
}

/**
 * Gates and execution of every environment of every chain (chain -> environment -> policy),
 * with the built-in default chain when config has none. Throws naming the key on bad values.
 */
export function readPoliciesConfig(
  config: Config,
): Map<string, Map<string, EnvironmentPolicy>> {
  const defaults = readExecutionDefaults(config);
  const chains = parseChainsConfig(config);
  const policies = new Map<string, Map<string, EnvironmentPolicy>>();
  for (const [chainName, envs] of Object.entries(chains)) {
    const byEnvironment = new Map<string, EnvironmentPolicy>();
    envs.forEach((env, index) => {
      byEnvironment.set(env.name, {
        gates: env.gates ?? noGates(),
        execution: resolveExecution(
          env,
          defaults,
          `environments.chains.${chainName}.${index}`,
        ),
        approvers: env.approvers ?? [],
      });
    });
    policies.set(chainName, byEnvironment);
  }
  if (!policies.has('default')) {
    const builtIn = defaultChain.map((env): [string, EnvironmentPolicy] => [
      env.name,
      {
        gates: noGates(),
        execution: resolveExecution({}, defaults, 'environments.gitops'),
      },
    ]);
    policies.set('default', new Map(builtIn));
  }
  return policies;
}
