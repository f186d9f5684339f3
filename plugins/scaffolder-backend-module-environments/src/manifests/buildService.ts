import { ServiceLayout } from './layoutTypes';
import { KubernetesObject } from './types';
import { workloadLabels } from './workloadLabels';

/** The base Service: port 80 to the container's `http` port. */
export function buildService(layout: ServiceLayout): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: layout.name, labels: workloadLabels(layout.name) },
    spec: {
      selector: { app: layout.name },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  };
}
