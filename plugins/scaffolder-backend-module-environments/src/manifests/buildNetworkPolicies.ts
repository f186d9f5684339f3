import { KubernetesObject } from './types';
import { networkPolicy } from './networkPolicy';

/**
 * The namespace's own policies: default-deny ingress, then allow pods of the same namespace.
 * Nothing else gets in unless a service's own policy lets it (see buildServiceNetworkPolicy), so
 * a preview namespace can never reach staging or production.
 */
export function buildNetworkPolicies(): KubernetesObject[] {
  return [
    networkPolicy('default-deny-ingress', {
      podSelector: {},
      policyTypes: ['Ingress'],
    }),
    networkPolicy('allow-same-namespace', {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {} }] }],
    }),
  ];
}
