import type { ImageReference } from '@stageline/plugin-environments-common';

/** One version of a service's Deployment in one namespace of the demo cluster. */
export type DemoWorkload = {
  /** Deployment name and `backstage.io/kubernetes-id` label value. */
  service: string;
  namespace: string;
  image: ImageReference;
  replicas: number;
  /** `deployment.kubernetes.io/revision` of this version's ReplicaSet; also the generation. */
  revision: number;
};
