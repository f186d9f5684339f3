import type { EnvironmentState } from '@stageline/plugin-environments-common';

/**
 * Why nothing is known of what an environment runs, or undefined when its live state is known.
 * Gates that need cluster data fail closed with this reason. The cluster's own error is stated
 * once, on the environment; gates point at it instead of repeating it.
 */
export function sourceLiveProblem(
  source: EnvironmentState,
): string | undefined {
  const clusterError = source.errors.find(e => e.source === 'cluster');
  if (clusterError) {
    return `the cluster could not be read (see ${source.name})`;
  }
  if (!source.live) {
    return `no workload of the service runs in namespace ${source.namespace}`;
  }
  return undefined;
}
