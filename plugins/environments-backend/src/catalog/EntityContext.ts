/** What the read model needs to know about a catalog service, taken from its annotations. */
export type EntityContext = {
  entityRef: string;
  /** Entity name; names branches `stageline/<service>/<env>`. */
  service: string;
  chain: string;
  /** Label selector that picks the service's workloads. */
  labelSelector: string;
  /** GitOps repository (annotation value), when one is known. */
  gitopsRepo?: string;
  /** The annotation `gitopsRepo` came from, for messages. */
  gitopsRepoAnnotation: string;
  /** Source repository `owner/repo` (github.com/project-slug), when known. */
  sourceRepo?: string;
  overlaysPath: string;
  /** Image name as written in the overlays' `images[].name`. */
  imageName?: string;
};
