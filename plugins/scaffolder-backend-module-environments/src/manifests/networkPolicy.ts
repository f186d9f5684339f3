import { KubernetesObject } from './types';

/** A networking.k8s.io/v1 NetworkPolicy named `name`. */
export function networkPolicy(name: string, spec: object): KubernetesObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name },
    spec,
  };
}
