import type { Config } from '@backstage/config';
import type { ClusterDefinition } from './types';

/**
 * The cluster environments use when they name none: `environments.defaultCluster`, else the
 * first configured cluster; undefined when there is none.
 *
 * @throws Error when `environments.defaultCluster` names an unknown cluster.
 */
export function resolveDefaultCluster(
  config: Config,
  clusters: ClusterDefinition[],
): string | undefined {
  const configured = config.getOptionalString('environments.defaultCluster');
  if (configured === undefined) return clusters[0]?.name;
  if (!clusters.some(c => c.name === configured)) {
    const known = clusters.map(c => `'${c.name}'`).join(', ') || 'none';
    throw new Error(
      `Invalid config at 'environments.defaultCluster': unknown cluster '${configured}' (configured: ${known})`,
    );
  }
  return configured;
}
