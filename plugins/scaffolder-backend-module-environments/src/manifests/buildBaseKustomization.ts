import { KubernetesObject } from './types';

/** The base kustomization listing the base resource files. */
export function buildBaseKustomization(resources: string[]): KubernetesObject {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  };
}
