export interface Config {
  /** Stageline environments: chains of environments, previews and GitOps defaults. */
  environments?: {
    /**
     * Named chains of environments, in promotion order. An entity picks one with the
     * `stageline.io/chain` annotation; otherwise `default` is used. When no chain is configured,
     * `default` is qa -> staging -> production (production protected).
     */
    chains?: {
      [chainName: string]: Array<{
        /** Environment name, a DNS-1123 label, e.g. `staging`. */
        name: string;
        /** Namespace it runs in; defaults to the environment name. */
        namespace?: string;
        /** Cluster name from `kubernetes.clusterLocatorMethods`. */
        cluster?: string;
        /** Overlay folder name under the overlays path; defaults to the environment name. */
        overlay?: string;
        /** Promotion into it needs `environments.promote.protected`. */
        protected?: boolean;
      }>;
    };
  };
}
