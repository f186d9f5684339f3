import type { Config } from '@backstage/config';
import { defaultChain } from './defaultChain';
import type { Environment, GatesConfig } from './Environment';
import type { ChainEnvironmentConfig } from './chainsSchema';
import { parseChainsConfig } from './parseChainsConfig';
import { readExecutionDefaults } from './readExecutionDefaults';
import { resolveExecution } from './resolveExecution';

function noGates(): GatesConfig {
  return {
    healthyForMs: 0,
    soakTimeMs: 0,
    approvals: 0,
    freezeWindows: [],
    verifiedInSource: false,
    freezeBlocksRollback: false,
  };
}

/**
 * Reads `environments.chains` once, filling defaults: chain -> its environments in promotion
 * order, each with its definition, gates and execution (links are added by the caller), and
 * the built-in default chain when config has none. Invalid config throws an error that names
 * the offending key, so a bad deployment fails at startup rather than on the first page view.
 */
export function readChainsConfig(config: Config): Map<string, Environment[]> {
  const defaults = readExecutionDefaults(config);
  const chains = new Map<string, Environment[]>();
  for (const [chainName, envs] of Object.entries(parseChainsConfig(config))) {
    assertVerifiedSources(chainName, envs);
    chains.set(
      chainName,
      envs.map((env, index) => ({
        definition: {
          name: env.name,
          namespace: env.namespace ?? env.name,
          cluster: env.cluster,
          overlay: env.overlay ?? env.name,
          protected: env.protected ?? false,
        },
        gates: env.gates ?? noGates(),
        execution: resolveExecution(
          env,
          defaults,
          `environments.chains.${chainName}.${index}`,
        ),
        approvers: env.approvers ?? [],
        ...(env.agent && { agent: env.agent }),
        verification: env.verification,
        links: [],
      })),
    );
  }
  if (!chains.has('default')) {
    chains.set(
      'default',
      defaultChain.map(definition => ({
        definition,
        gates: noGates(),
        execution: resolveExecution({}, defaults, 'environments.gitops'),
        links: [],
      })),
    );
  }
  return chains;
}

/** `gates.verifiedInSource` needs a source that verifies: else it could never pass. */
function assertVerifiedSources(
  chainName: string,
  envs: ChainEnvironmentConfig[],
): void {
  envs.forEach((env, index) => {
    if (!env.gates?.verifiedInSource) return;
    const key = `environments.chains.${chainName}.${index}.gates.verifiedInSource`;
    const source = envs[index - 1];
    if (!source) {
      throw new Error(
        `Invalid config at '${key}': ${env.name} is the first environment of the chain, so it has no source to be verified in`,
      );
    }
    if (!source.verification) {
      throw new Error(
        `Invalid config at '${key}': ${source.name}, the environment before ${env.name}, configures no verification, so no version could pass this gate`,
      );
    }
  });
}
