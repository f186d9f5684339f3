import { EnvironmentLayout, ServiceLayout } from '../layout/types';
import { KubernetesObject } from './types';

/** The environment's Namespace, labelled so it can be queried by environment, owner and service. */
export function buildNamespace(
  layout: ServiceLayout,
  env: EnvironmentLayout,
): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: env.namespace,
      labels: {
        environment: env.name,
        owner: layout.owner,
        service: layout.name,
      },
    },
  };
}
