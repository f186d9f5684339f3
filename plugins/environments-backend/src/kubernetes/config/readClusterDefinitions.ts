import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { ClusterDefinition } from '../types';
import type { ConfiguredCluster } from './ConfiguredCluster';
import { readEnvironmentsClusters } from './readEnvironmentsClusters';
import { readKubernetesClusters } from './readKubernetesClusters';

/**
 * Every cluster Stageline reads: `kubernetes.clusterLocatorMethods` entries of type `config`
 * first, then `environments.clusters`. Skipped entries are explained through `logger`.
 *
 * @throws Error naming the config key of an invalid entry or a duplicate name.
 */
export function readClusterDefinitions(
  config: Config,
  logger?: Pick<LoggerService, 'warn'>,
): ClusterDefinition[] {
  const clusters = [
    ...readKubernetesClusters(config, logger),
    ...readEnvironmentsClusters(config),
  ];
  rejectDuplicates(clusters);
  return clusters.map(c => c.definition);
}

function rejectDuplicates(clusters: ConfiguredCluster[]): void {
  const seen = new Map<string, string>();
  for (const { key, definition } of clusters) {
    const first = seen.get(definition.name);
    if (first) {
      throw new Error(
        `Invalid config at '${key}.name': cluster '${definition.name}' is already defined at '${first}'`,
      );
    }
    seen.set(definition.name, key);
  }
}
