import type { EnvironmentState } from '@stageline/plugin-environments-common';

/**
 * Why nothing is known of what an environment runs, or undefined when its live state is known.
 * Gates that need cluster data fail closed with this reason.
 */
export function sourceLiveProblem(
  source: EnvironmentState,
): string | undefined {
  const clusterError = source.errors.find(e => e.source === 'cluster');
  if (clusterError) {
    return `the cluster could not be read (${clusterError.message})`;
  }
  if (!source.live) {
    return `no workload of the service runs in namespace ${source.namespace}`;
  }
  return undefined;
}
