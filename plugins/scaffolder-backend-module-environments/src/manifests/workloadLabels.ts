import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';

/**
 * Labels on the service's workloads and pods: `app` selects them, `backstage.io/kubernetes-id`
 * lets the Kubernetes plugin and Stageline find them.
 */
export function workloadLabels(service: string): Record<string, string> {
  return { app: service, [KUBERNETES_ANNOTATION]: service };
}
