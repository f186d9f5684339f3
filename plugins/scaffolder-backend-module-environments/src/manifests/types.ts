/** A Kubernetes (or Kustomize) object as plain data, ready to serialise. */
export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata?: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
};
