import { NamespaceLayer } from './layoutTypes';
import { podSecurityLabels } from './podSecurityLabels';
import { KubernetesObject } from './types';

/**
 * The Namespace, labelled so it can be queried by environment, owner and (when one service owns
 * it) service, and with its Pod Security admission levels.
 */
export function buildNamespace(layer: NamespaceLayer): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: layer.namespace,
      labels: {
        environment: layer.environment,
        owner: layer.owner,
        ...(layer.service && { service: layer.service }),
        ...podSecurityLabels(layer.podSecurity),
      },
    },
  };
}
