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
        /**
         * Namespace it runs in; defaults to the environment name. `{service}` stands for the
         * entity's name, for a namespace per service and environment (`{service}-staging`).
         */
        namespace?: string;
        /**
         * Cluster name from `kubernetes.clusterLocatorMethods` or `environments.clusters`; each
         * environment of a chain may run on its own (e.g. production on a cluster of its own).
         * Default `environments.defaultCluster`.
         */
        cluster?: string;
        /** Overlay folder name under the overlays path; defaults to the environment name. */
        overlay?: string;
        /** Promotion into it needs `environments.promote.protected`. */
        protected?: boolean;
        /** What a promotion INTO this environment must pass. */
        gates?: {
          /** The source environment must have been healthy at least this long, e.g. `10m`. Default: healthy now. */
          healthyFor?: string;
          /** The version must have run in the source at least this long, e.g. `1h`. Default `0s`. */
          soakTime?: string;
          /** Approvals needed from distinct users other than the requester. Default 0. */
          approvals?: number;
          /**
           * Times when promotion into this environment is refused. Each window is either a fixed
           * range (`start` and `end`, ISO 8601 times with a zone) or weekly recurring (`days`,
           * `from`, `to`, `timeZone`), not both.
           */
          freezeWindows?: Array<{
            /** Start of a fixed window, e.g. `2024-12-23T00:00:00Z`. */
            start?: string;
            /** End of a fixed window (exclusive), after `start`. */
            end?: string;
            /** Weekly window: days it starts on (`mon`..`sun`). Default: every day. */
            days?: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
            /** Weekly window: wall-clock start `HH:MM`, inclusive. */
            from?: string;
            /** Weekly window: wall-clock end `HH:MM`, exclusive; `24:00` ends the day; before `from` it crosses midnight. */
            to?: string;
            /** Weekly window: IANA time zone of `from` and `to`, e.g. `Europe/Paris`. Default `UTC`. */
            timeZone?: string;
            /** Shown to whoever tries to promote, e.g. `Holiday freeze`. */
            reason?: string;
          }>;
          /**
           * The version must have passed verification in the previous environment of the chain
           * ("verified in staging"); that environment must configure `verification`. Default false.
           */
          verifiedInSource?: boolean;
          /**
           * A freeze window of this environment also blocks rollbacks into it. Default false: a
           * rollback goes through a freeze. Approvals never apply to rollbacks.
           */
          freezeBlocksRollback?: boolean;
        };
        /**
         * Checks run after a promotion into this environment rolled out: the promotion is
         * `verifying` for `duration`, then `succeeded`, or `failed-verification` as soon as a check
         * fails. Default: none, a promotion succeeds once the environment runs it healthy.
         */
        verification?: {
          /** How long every check must keep passing, e.g. `10m`. */
          duration: string;
          /**
           * `rollback`: a failed verification writes a rollback to the last version that succeeded
           * here, through the same writer and audit trail, marked automatic (no approvals, like every rollback). `notify`
           * (default): it only reports.
           */
          onFailure?: 'notify' | 'rollback';
          /** Check that workloads stay ready, without new restarts or crash loops. Default true. */
          workloads?: boolean;
          /**
           * The environment's base URL for `http` checks, with `{service}`, `{namespace}`,
           * `{environment}`, `{cluster}`, e.g. `https://{service}.staging.example.com`. Only
           * config names the host the backend calls, never an annotation.
           */
          url?: string;
          /** GET requests against `url`, run by the backend. */
          http?: Array<{
            /** Path appended to `url`, e.g. `/health`. */
            path: string;
            /** Status that passes. Default 200. */
            expectedStatus?: number;
            /** Default `5s`, at most `1m`. */
            timeout?: string;
            /** How often it runs while verifying. Default `30s`. */
            interval?: string;
          }>;
          /** Prometheus instant queries (`GET /api/v1/query`), compared with limits. */
          prometheus?: Array<{
            /** Short name shown with its result, e.g. `error-rate`. */
            name: string;
            /** The Prometheus server, e.g. `http://prometheus.monitoring:9090`. */
            baseUrl: string;
            /**
             * PromQL with `{namespace}` and `{service}`, e.g.
             * `sum(rate(http_requests_total{namespace="{namespace}",service="{service}",code=~"5.."}[5m]))`.
             * A result without samples counts as 0.
             */
            query: string;
            /** The value must stay at or below this. */
            atMost?: number;
            /**
             * The value may rise at most this far above the one measured just before the write,
             * e.g. `10%`. Fails when no value could be measured before.
             */
            atMostAbovePrevious?: string;
            /** How often it runs while verifying. Default `1m`. */
            interval?: string;
          }>;
        };
        /** How promotions into it are written; default `environments.gitops.mode`. */
        mode?: 'pull-request' | 'commit' | 'workflow-dispatch';
        /** Pull-request mode: merge the pull request once GitHub allows. Default `environments.gitops.autoMerge`. */
        autoMerge?: boolean;
        /** workflow-dispatch mode: the workflow to run (required when no default is configured). */
        workflow?: {
          /** Workflow file name in `.github/workflows`, e.g. `deploy.yml`. */
          file: string;
          /** Branch or tag the workflow runs on. Default `environments.gitops.branch`. */
          ref?: string;
        };
        /** How long the environment may take to run the promoted version healthy, e.g. `30m`. */
        rolloutTimeout?: string;
        /**
         * Users or groups (entity refs) notified when a promotion into this environment awaits
         * approval, e.g. `group:default/release-managers`. Who may approve is the permission
         * policy's decision (`environments.approve`). Default: the service's owners.
         */
        approvers?: string[];
        /**
         * The GitOps agent object that applies this environment's overlay, when matching by
         * repository, overlay folder and namespace is ambiguous or the agent runs in another
         * cluster. Without it, Stageline looks for the one Argo CD Application (same repository,
         * path and destination namespace) or Flux Kustomization (same path and target namespace).
         */
        agent?: {
          /** `argo-cd` (an Application) or `flux` (a Kustomization). */
          kind: 'argo-cd' | 'flux';
          name: string;
          /** Namespace of the Application or Kustomization, e.g. `argocd` or `flux-system`. */
          namespace: string;
          /** Cluster the object lives on (Argo CD in a management cluster); default the environment's. */
          cluster?: string;
          /** Argo CD UI base URL for the link to the Application; default `gitopsAgents.argoCd.uiBaseUrl`. */
          uiBaseUrl?: string;
          /** Ask the agent to sync right after a promotion commit; default `gitopsAgents.refresh`. */
          refresh?: boolean;
        };
      }>;
    };

    /** GitOps agents (Argo CD, Flux) whose status Stageline reads from the clusters it watches. */
    gitopsAgents?: {
      argoCd?: {
        /** Cluster Argo CD's Applications live on, when not beside the workloads (default). */
        cluster?: string;
        /** Argo CD UI base URL, e.g. `https://argocd.example.com`: each environment links to its Application. */
        uiBaseUrl?: string;
      };
      /**
       * After a promotion commit, ask the environment's agent to sync now (Argo CD:
       * `argocd.argoproj.io/refresh: normal` on the Application; Flux:
       * `reconcile.fluxcd.io/requestedAt` on the Kustomization) instead of waiting for its
       * poll. Needs the `patch` verb on those resources. Default false.
       */
      refresh?: boolean;
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

    /**
     * Links shown on each environment's card and returned with its state (logs, dashboards),
     * in this order, e.g.
     * `{ title: Logs, url: 'https://grafana.example.com/explore?var-ns={namespace}&var-app={service}' }`.
     * Served to everyone who may read the service: put no credentials in them. Default: none.
     */
    links?: Array<{
      /** Text of the link, e.g. `Logs`. */
      title: string;
      /**
       * URL template. Placeholders, each replaced by its URL-encoded value: `{namespace}` (the
       * environment's namespace), `{service}` (the entity's name), `{environment}` (the
       * environment's name) and `{cluster}` (the environment's cluster; a link using it is left
       * out where no cluster is configured). Any other `{...}` is refused at startup, as is
       * anything but an `http`/`https` URL without credentials once filled.
       */
      url: string;
      /** Names of the environments it applies to, from any chain. Default: every environment. */
      environments?: string[];
    }>;

    /**
     * Per-caller budgets. Counted per user entity ref (or service subject), never per IP, in
     * memory on each backend instance. A caller past a budget gets 429 with `Retry-After`.
     */
    rateLimits?: {
      /**
       * Calls that spend the GitHub token's rate limit, which promotions need too: the version
       * diff route, the previews route (pull request lookups) and the `get-version-diff` action,
       * all from one budget. Default 60 per `1m`.
       */
      githubReads?: {
        /** Calls each caller may make per window, a positive integer. Default 60. */
        limit?: number;
        /** The window, e.g. `1m` or `1h` (between `1s` and `24h`). Default `1m`. */
        window?: string;
      };
    };

    /**
     * Overlays folders assigned to catalog entities by the platform team, for GitOps
     * repositories whose folders carry no `stageline-owner.yaml`. An entity reads and promotes
     * only the overlays folder it owns, asserted here or by that file in the folder (this list
     * wins when both exist); its annotations alone never grant it. Default: none.
     */
    ownership?: Array<{
      /** The owning entity's full ref, `kind:namespace/name`. */
      entity: string;
      /** The GitOps repository, as the entity's annotation names it (`owner/repo` or a configured alias). */
      repository: string;
      /** The overlays folder (the one holding a folder per environment), relative to the repository root. */
      overlaysPath: string;
      /** The repository the versions' commits come from, when it is not the GitOps repository. */
      sourceRepository?: string;
    }>;

    /**
     * Service principals allowed to write, for CI. Every write (request a promotion or rollback,
     * cancel, approve, keep, extend or delete a preview), from the routes and the MCP actions,
     * needs a signed-in user unless a service is listed here for that action; anything else is
     * refused with 403 before any catalog, cluster or Git call. Backstage's permission client
     * allows every service principal without asking the permission policy (it applies only the
     * token's own access restrictions), so this list is what decides for services; each write it
     * lets through is audited (auditor event `service-access`) naming the service. Approvals can
     * never be granted: an approval is a person's decision. Default: no service may write.
     */
    serviceAccess?: Array<{
      /**
       * The service principal's subject, as Backstage sets it: for a static external access
       * token (`backend.auth.externalAccess`, type `static`) its configured `subject` as is; for a
       * JWKS token `external:<sub>` (`external:<subjectPrefix>:<sub>` with a prefix); for another
       * backend plugin `plugin:<pluginId>`.
       */
      subject: string;
      /** The writes it may take. */
      actions: Array<
        | 'request-promotion'
        | 'request-rollback'
        | 'cancel-promotion'
        | 'keep-preview'
        | 'extend-preview'
        | 'delete-preview'
      >;
    }>;

    /** Per-pull-request preview environments. */
    previews?: {
      /**
       * Namespace name pattern; `{number}` is the pull request number and `{service}` (optional)
       * the entity's name, so two services' pull requests with one number never share a
       * namespace (`{service}-pr-{number}`). Default `feature-pr-{number}`.
       */
      namespacePattern?: string;
      /** How long a preview lives after its last update, e.g. `72h`. Default `72h`. */
      ttl?: string;
      /** The scheduled task that deletes previews whose pull request is closed or whose TTL expired. */
      reaper?: {
        /** Default true. */
        enabled?: boolean;
        /** Report what would be deleted and delete nothing. Default false. */
        dryRun?: boolean;
        /** How often it runs, e.g. `5m` (at least `10s`). Default `5m`. */
        frequency?: string;
      };
    };

    /** GitOps repository defaults. */
    gitops?: {
      /** Branch the overlays are read from and promotions target. Default `main`. */
      branch?: string;
      /** Default folder with one overlay per environment. Default `k8s/overlays`. */
      overlaysPath?: string;
      /** How promotions are written; an environment may override it. Default `pull-request`. */
      mode?: 'pull-request' | 'commit' | 'workflow-dispatch';
      /** Pull-request mode: merge promotion pull requests once GitHub allows. Default false. */
      autoMerge?: boolean;
      /** How long a target may take to run a promoted version healthy, e.g. `30m`. Default `30m`. */
      rolloutTimeout?: string;
      /** workflow-dispatch mode: the workflow to run, unless an environment names its own. */
      workflow?: {
        /** Workflow file name in `.github/workflows`, e.g. `deploy.yml`. */
        file: string;
        /** Branch or tag the workflow runs on. Default `environments.gitops.branch`. */
        ref?: string;
      };
      /**
       * How often the head of each repository's branch is checked, e.g. `30s`: one conditional
       * request on GitHub (304s cost no rate limit), one `git fetch` on plain Git, in the
       * background while views are served the snapshot at hand. A push webhook (with the GitHub
       * events module) or a promotion's own write checks at once. Default `30s`.
       */
      cacheTtl?: string;
      /** Folder for plain Git clones. Default: a `stageline-git` folder in the OS temp folder. */
      clonesDirectory?: string;
      /**
       * Repositories catalog annotations (`stageline.io/gitops-repo`, `github.com/project-slug`)
       * may name beyond GitHub, and where each is read from and written to: annotation value
       * (e.g. `acme/gitops`) -> `owner/repo`, `https://<GitHub host>/owner/repo`, a Git URL or a
       * local path (relative paths resolve from the backend's working directory).
       *
       * A key containing `*` is a pattern: each `*` matches one or more of `[A-Za-z0-9._-]` (never
       * `/`, nor `.` or `..` alone) and the location has as many `*`, substituted in order, e.g.
       * `acme/*: https://git.internal.example.com/acme/*.git`. Exact keys win over patterns;
       * among patterns, the first in config order that matches.
       *
       * `owner/repo` and `https://<host>/owner/repo` on a GitHub integration explicitly configured
       * under `integrations.github` need no entry. Everything else an annotation names (other
       * hosts, local paths, URLs with credentials, other transports) is refused.
       */
      repositories?: { [annotationValueOrPattern: string]: string };
    };
  };
}
