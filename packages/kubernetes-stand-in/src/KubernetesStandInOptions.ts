/** Options of {@link startKubernetesStandIn}. */
export type KubernetesStandInOptions = {
  /** Bearer token every request must carry; any request passes when absent. */
  token?: string;
  /**
   * Custom resource definitions to "install": Traefik's IngressRoute, Argo CD's Application
   * (`argoproj.io/v1alpha1`), Flux's Kustomization (`kustomize.toolkit.fluxcd.io/v1`).
   */
  crds?: { traefik?: boolean; argoCd?: boolean; flux?: boolean };
  /** How often a watch with `allowWatchBookmarks=true` gets a BOOKMARK. Default 5 s. */
  bookmarkIntervalMs?: number;
  /** Events kept per kind for watches to resume from; older versions answer 410. Default 10,000. */
  historyLimit?: number;
};
