import { EnvironmentLayout } from './layoutTypes';
import { KubernetesObject } from './types';

/** Keeps `minAvailable` pods running through node drains. */
export function buildPodDisruptionBudget(
  service: string,
  env: EnvironmentLayout,
): KubernetesObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: service },
    spec: {
      minAvailable: env.sizing.minAvailable,
      selector: { matchLabels: { app: service } },
    },
  };
}
