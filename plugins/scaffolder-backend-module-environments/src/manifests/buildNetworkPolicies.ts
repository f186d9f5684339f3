import { IngressSettings } from '../layout/types';
import { KubernetesObject } from './types';

const networkPolicy = (name: string, spec: object): KubernetesObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name },
  spec,
});

/**
 * Default-deny ingress, then allow only the ingress controller's namespace and pods of the same
 * namespace. Nothing else gets in, so a preview namespace can never reach staging or production.
 */
export function buildNetworkPolicies(
  ingress: IngressSettings,
): KubernetesObject[] {
  return [
    networkPolicy('default-deny-ingress', {
      podSelector: {},
      policyTypes: ['Ingress'],
    }),
    networkPolicy('allow-ingress-controller', {
      podSelector: {},
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
        },
      ],
    }),
    networkPolicy('allow-same-namespace', {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {} }] }],
    }),
  ];
}
