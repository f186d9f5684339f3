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

    /**
     * Clusters Stageline reads in addition to `kubernetes.clusterLocatorMethods` (type `config`),
     * which it reads too so a cluster is configured once.
     */
    clusters?: Array<{
      /** Name environments refer to with `cluster`. */
      name: string;
      /** API server URL. Omit to take the cluster from a kubeconfig. */
      url?: string;
      /** @visibility secret */
      serviceAccountToken?: string;
      /** @visibility secret */
      caData?: string;
      skipTLSVerify?: boolean;
      /**
       * Read the cluster from a kubeconfig file: `path` defaults to `$KUBECONFIG` or
       * `~/.kube/config`, `context` to the current context.
       */
      kubeconfig?: { path?: string; context?: string };
    }>;

    /** Cluster used by environments that name none; defaults to the first configured cluster. */
    defaultCluster?: string;

    /** Per-pull-request preview environments. */
    previews?: {
      /** Namespace name pattern; `{number}` is the pull request number. Default `feature-pr-{number}`. */
      namespacePattern?: string;
      /** How long a preview lives after its last update, e.g. `72h`. Default `72h`. */
      ttl?: string;
    };

    /** GitOps repository defaults. */
    gitops?: {
      /** Branch the overlays are read from and promotions target. Default `main`. */
      branch?: string;
      /** Default folder with one overlay per environment. Default `k8s/overlays`. */
      overlaysPath?: string;
      /** How promotions are written. Default `pull-request`. */
      mode?: 'pull-request' | 'commit';
      /**
       * How long a read from GitHub or a Git clone is served from memory before it is
       * revalidated (an ETag request on GitHub, a fetch on plain Git), e.g. `30s`. Default `30s`.
       */
      cacheTtl?: string;
      /** Folder for plain Git clones. Default: a `stageline-git` folder in the OS temp folder. */
      clonesDirectory?: string;
      /**
       * Where to read a repository named by an annotation from, instead of its usual host:
       * annotation value (e.g. `acme/gitops`) -> Git URL or local path (relative paths resolve
       * from the backend's working directory). Used for mirrors and the embedded example.
       */
      repositories?: { [annotationValue: string]: string };
    };
  };
}
