/** One service in one environment that the GitOps sync loop keeps in line with its overlay. */
export type DemoTarget = {
  service: string;
  namespace: string;
  /** Path of the overlay's kustomization.yaml in the GitOps repository. */
  overlayPath: string;
  /** Image name the overlay's `images` entry is for (the `stageline.io/image` annotation). */
  imageName: string;
  replicas: number;
};
