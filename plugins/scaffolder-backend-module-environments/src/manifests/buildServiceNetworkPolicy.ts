import { IngressSettings } from './layoutTypes';
import { networkPolicy } from './networkPolicy';
import { KubernetesObject } from './types';

/**
 * The service's own policy: the ingress controller's namespace may reach the service's pods on
 * their `http` port. Named after the service and selecting only its pods, so services sharing a
 * namespace each add their own and never overwrite another's.
 */
export function buildServiceNetworkPolicy(
  service: string,
  ingress: IngressSettings,
): KubernetesObject {
  return networkPolicy(`${service}-from-ingress-controller`, {
    podSelector: { matchLabels: { app: service } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          {
            namespaceSelector: {
              matchLabels: {
                'kubernetes.io/metadata.name': ingress.controllerNamespace,
              },
            },
          },
        ],
        // The container port's name, as the base Deployment declares it.
        ports: [{ protocol: 'TCP', port: 'http' }],
      },
    ],
  });
}
