import { NamespaceLayer } from './layoutTypes';
import { KubernetesObject } from './types';

/** The namespace's ResourceQuota, sized per environment. */
export function buildResourceQuota(layer: NamespaceLayer): KubernetesObject {
  const { quota } = layer.sizing;
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: `${layer.environment}-quota` },
    spec: {
      hard: {
        'requests.cpu': quota.requestsCpu,
        'requests.memory': quota.requestsMemory,
        'limits.cpu': quota.limitsCpu,
        'limits.memory': quota.limitsMemory,
        pods: String(quota.pods),
      },
    },
  };
}
