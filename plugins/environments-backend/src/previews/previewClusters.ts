import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import type { ClusterStateReader } from '../kubernetes/types';

/**
 * The clusters a service's previews may live on: those of its chain's environments and the
 * default cluster, each once. `unknown` lists chain clusters that are not configured: nothing
 * is read from or done to them.
 */
export function previewClusters(
  chain: EnvironmentDefinition[],
  reader: ClusterStateReader,
): { clusters: string[]; unknown: string[] } {
  const fallback = reader.defaultClusterName();
  const named = [fallback, ...chain.map(env => env.cluster ?? fallback)];
  const distinct = [
    ...new Set(named.filter((n): n is string => n !== undefined)),
  ];
  const known = new Set(reader.clusterNames());
  return {
    clusters: distinct.filter(name => known.has(name)),
    unknown: distinct.filter(name => !known.has(name)),
  };
}
