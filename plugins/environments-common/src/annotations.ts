/**
 * Catalog annotations Stageline reads. `backstage.io/kubernetes-id` is the Kubernetes plugin's own
 * annotation (re-exported from `@backstage/plugin-kubernetes-common` by the packages that need it).
 *
 * @public
 */
export const STAGELINE_ANNOTATIONS = {
  /** GitOps repository: `owner/repo` on a configured GitHub integration, or a Git URL. */
  gitopsRepo: 'stageline.io/gitops-repo',
  /** Folder that holds one overlay per environment. */
  overlaysPath: 'stageline.io/overlays-path',
  /** Image name as written in the overlays' `images[].name`. */
  image: 'stageline.io/image',
  /** Name of the chain in config. */
  chain: 'stageline.io/chain',
} as const;
