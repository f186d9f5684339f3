import { NamespaceLayer } from './layoutTypes';
import { KubernetesObject } from './types';

/**
 * Default container requests and limits, so that any pod without them (a migration or debug
 * pod) still fits the namespace's ResourceQuota.
 */
export function buildLimitRange(layer: NamespaceLayer): KubernetesObject {
  const { requests, limits } = layer.sizing;
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: `${layer.environment}-limits` },
    spec: {
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: requests.cpu, memory: requests.memory },
          default: { cpu: limits.cpu, memory: limits.memory },
        },
      ],
    },
  };
}
