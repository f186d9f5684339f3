import { EnvironmentLayout } from './layoutTypes';
import { KubernetesObject } from './types';

const utilisation = (name: string, averageUtilization: number) => ({
  type: 'Resource',
  resource: { name, target: { type: 'Utilization', averageUtilization } },
});

/**
 * The HPA of a protected environment: from the environment's replicas up to its ceiling, at 70%
 * CPU and 80% memory utilisation.
 */
export function buildHorizontalPodAutoscaler(
  service: string,
  env: EnvironmentLayout,
): KubernetesObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: service },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: service,
      },
      minReplicas: Math.max(env.sizing.replicas, 1),
      maxReplicas: env.sizing.maxReplicas,
      metrics: [utilisation('cpu', 70), utilisation('memory', 80)],
    },
  };
}
