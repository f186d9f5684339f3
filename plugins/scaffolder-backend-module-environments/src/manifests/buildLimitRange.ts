import { EnvironmentLayout } from '../layout/types';
import { KubernetesObject } from './types';

/**
 * Default container requests and limits, so that any pod without them (a migration or debug
 * pod) still fits the namespace's ResourceQuota.
 */
export function buildLimitRange(env: EnvironmentLayout): KubernetesObject {
  const { requests, limits } = env.sizing;
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: `${env.name}-limits` },
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
