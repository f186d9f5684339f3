/**
 * One environment of a chain as configured: a stage bound to a cluster, a namespace and an
 * overlay folder.
 *
 * @public
 */
export type EnvironmentDefinition = {
  name: string;
  namespace: string;
  /** Cluster name; the default cluster when absent. */
  cluster?: string;
  /** Overlay folder name under the service's overlays path; defaults to `name`. */
  overlay: string;
  /** Promotion into it needs the protected-promotion permission. */
  protected: boolean;
};

/**
 * A container image reference `name[:tag][@digest]`, split into its parts.
 *
 * @public
 */
export type ImageReference = {
  /** Repository name including registry host, e.g. `ghcr.io/acme/checkout`. */
  name: string;
  tag?: string;
  /** `sha256:<64 hex>` */
  digest?: string;
};

/**
 * A Git commit, as shown next to a version or in a diff.
 *
 * @public
 */
export type CommitSummary = {
  sha: string;
  message: string;
  author?: string;
  date?: string;
  url?: string;
  /** Pull request the commit came from, when known. */
  pullRequest?: { number: number; url?: string };
};

/**
 * What Git says should run: the overlay's `images` entry, at the commit read.
 *
 * @public
 */
export type DesiredState = {
  /** Path of the overlay's kustomization file in the GitOps repository. */
  path: string;
  /** The image the overlay deploys (after kustomize's newName/newTag/digest). */
  image?: ImageReference;
  /** The commit that last changed the kustomization file. */
  commit?: CommitSummary;
};

/**
 * Overall verdict on what runs.
 *
 * @public
 */
export type HealthStatus =
  | 'healthy'
  | 'progressing'
  | 'degraded'
  | 'missing'
  | 'unknown';

/**
 * Rollout progress of a workload, from its conditions and `observedGeneration`.
 *
 * @public
 */
export type RolloutStatus =
  | 'complete'
  | 'progressing'
  | 'failed'
  | 'paused'
  | 'unknown';

/**
 * Replica counts as Kubernetes reports them.
 *
 * @public
 */
export type ReplicaCounts = {
  desired: number;
  updated: number;
  ready: number;
  available: number;
};

/**
 * One Deployment or StatefulSet of the service in an environment.
 *
 * @public
 */
export type WorkloadState = {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  /** Image of the first container, as written in the pod template. */
  image?: ImageReference;
  /** Distinct image digests the workload's pods run, from `status.containerStatuses[].imageID`. */
  digests: string[];
  replicas: ReplicaCounts;
  rollout: RolloutStatus;
  restarts: number;
  /** When the current pod template (version) started running: creation of its ReplicaSet or revision. */
  since?: string;
  health: HealthStatus;
  /** Human reasons for a health verdict other than healthy (CrashLoopBackOff, readiness failing, ...). */
  reasons: string[];
};

/**
 * What the cluster runs for the service in one environment.
 *
 * @public
 */
export type LiveState = {
  cluster: string;
  namespace: string;
  workloads: WorkloadState[];
  /** Image of the primary workload (the one running `stageline.io/image`, else the first). */
  image?: ImageReference;
  digests: string[];
  replicas: ReplicaCounts;
  rollout: RolloutStatus;
  restarts: number;
  since?: string;
  health: HealthStatus;
  reasons: string[];
};

/**
 * An open change that will move an environment: for now a pull request on the GitOps repository
 * whose branch is `stageline/<service>/<environment>`.
 *
 * @public
 */
export type InFlightChange = {
  kind: 'pull-request' | 'branch';
  title: string;
  url?: string;
  number?: number;
  branch: string;
  author?: string;
  updatedAt?: string;
  headSha?: string;
};

/**
 * Whether the cluster runs what Git declares.
 *
 * @public
 */
export type SyncStatus =
  | 'in-sync'
  | 'rolling-out'
  | 'drifted'
  | 'missing'
  | 'unknown';

/**
 * A per-environment failure that did not fail the whole response.
 *
 * @public
 */
export type EnvironmentError = {
  source: 'cluster' | 'git';
  message: string;
};

/**
 * Everything known about one environment of a service.
 *
 * @public
 */
export type EnvironmentState = EnvironmentDefinition & {
  desired?: DesiredState;
  live?: LiveState;
  inFlight: InFlightChange[];
  sync: { status: SyncStatus; reason: string };
  /**
   * Whether this environment runs the same digest as the previous environment of the chain.
   * Absent for the first environment, or when either digest is unknown.
   */
  sameBitsAsUpstream?: boolean;
  errors: EnvironmentError[];
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/environments`.
 *
 * @public
 */
export type EnvironmentsResponse = {
  entityRef: string;
  chain: string;
  /** GitOps repository the overlays are read from, as annotated or defaulted. */
  gitopsRepo?: string;
  environments: EnvironmentState[];
  /** When the state was assembled (ISO 8601). */
  generatedAt: string;
};

/**
 * One preview environment: a namespace for one pull request.
 *
 * @public
 */
export type PreviewEnvironment = {
  namespace: string;
  pullRequest?: {
    number: number;
    title?: string;
    state?: 'open' | 'closed' | 'merged';
    author?: string;
    headSha?: string;
    updatedAt?: string;
    url?: string;
  };
  urls: string[];
  live?: LiveState;
  createdAt?: string;
  expiresAt?: string;
  errors: EnvironmentError[];
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/previews`.
 *
 * @public
 */
export type PreviewsResponse = {
  entityRef: string;
  previews: PreviewEnvironment[];
  errors: EnvironmentError[];
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/diff?from=&to=`.
 *
 * @public
 */
export type VersionDiffResponse = {
  repository: string;
  from: string;
  to: string;
  commits: CommitSummary[];
  /** More commits exist than were returned. */
  truncated: boolean;
  url?: string;
};
