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
  /** The commit of the GitOps repository this was read at (its branch head when last checked). */
  revision?: string;
  /**
   * When Stageline saw the overlay change to this content (ISO 8601); absent when it already
   * read so when Stageline started.
   */
  changedAt?: string;
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
  /**
   * Since when the workload has been healthy at its current version (ISO 8601): the later of the
   * Deployment's `Available` transition and `since`; for a StatefulSet, the latest pod Ready
   * transition. Absent when not healthy or not known.
   */
  healthySince?: string;
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
  /** Since when every workload has been healthy: the latest of their `healthySince`; absent when any is unknown. */
  healthySince?: string;
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
  /** The cluster runs what Git declares, healthy. */
  | 'in-sync'
  /** Git declares a version the cluster does not run yet: the GitOps agent has not applied it. */
  | 'waiting-for-sync'
  /** The cluster runs what Git declares and is moving to it. */
  | 'rolling-out'
  /** The cluster runs something Git does not declare, and no change in Git explains it. */
  | 'drifted'
  /** The declared version runs, but not well: a failed rollout or unhealthy workloads. */
  | 'degraded'
  /** Pods run several digests for one tag outside a rollout: the tag was moved in the registry. */
  | 'tag-moved'
  /** No workload of the service runs there. */
  | 'missing'
  /** The cluster or Git could not be read. */
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
  /**
   * Set when the cluster cannot be read now and `live` is its last known state: as of when
   * (ISO 8601).
   */
  liveAsOf?: string;
  inFlight: InFlightChange[];
  /** One state with one reason; `since` when known (waiting for sync: since Git changed). */
  sync: { status: SyncStatus; reason: string; since?: string };
  /**
   * Whether this environment runs the same digest as the previous environment of the chain.
   * Absent for the first environment, or when either digest is unknown.
   */
  sameBitsAsUpstream?: boolean;
  /** Promoting into this environment from the previous one; absent for the first environment. */
  promotion?: PromotionReadiness;
  /**
   * Public URLs of the service here, from the hosts of its Ingresses and Traefik IngressRoutes
   * on this environment's cluster (`https` where TLS covers the host). Empty when it has none;
   * absent when the cluster was not read (unreachable, not configured, or ownership unconfirmed).
   */
  urls?: string[];
  /**
   * Links configured under `environments.links` (logs, dashboards), with this environment's
   * namespace, service, environment and cluster filled in; absent when none applies.
   */
  links?: Array<{ title: string; url: string }>;
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
  /** Pinned: the reaper leaves it alone whatever its pull request or TTL say. */
  keep?: boolean;
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

/**
 * Where a promotion is in its life. `requested` → `awaiting-approval` (when approvals are
 * required) → `executing` (writing Git) → `waiting-for-merge` (pull request open) →
 * `rolling-out` (written; waiting for the target to run the version, healthy) → `verifying` (when
 * the target configures verification: its checks run for a while) → `succeeded`; or `failed`,
 * `failed-verification`, `rejected`, `cancelled`.
 *
 * @public
 */
export type PromotionState =
  | 'requested'
  | 'awaiting-approval'
  | 'executing'
  | 'waiting-for-merge'
  | 'rolling-out'
  | 'verifying'
  | 'succeeded'
  | 'failed'
  | 'failed-verification'
  | 'rejected'
  | 'cancelled';

/**
 * How a promotion writes the target environment.
 *
 * @public
 */
export type ExecutionMode = 'pull-request' | 'commit' | 'workflow-dispatch';

/**
 * The gates a promotion must pass.
 *
 * @public
 */
export type GateId =
  | 'source-healthy'
  | 'soak-time'
  | 'approvals'
  | 'freeze-window'
  | 'no-promotion-in-flight'
  | 'digest-verified'
  | 'verified-in-source';

/**
 * One gate's verdict with a human reason, e.g. "soak time: 34m left (1h required)".
 *
 * @public
 */
export type GateResult = {
  id: GateId;
  passed: boolean;
  reason: string;
  /**
   * Whether failing it refuses a request. Approvals do not: a request without them waits in
   * `awaiting-approval`. Every gate blocks execution.
   */
  blocksRequest: boolean;
  /** When the gate is expected to pass by itself (end of soak time or freeze window), ISO 8601. */
  until?: string;
};

/**
 * One approver's decision on a promotion.
 *
 * @public
 */
export type ApprovalDecision = {
  /** User entity ref of the approver. */
  user: string;
  decision: 'approved' | 'rejected';
  comment?: string;
  at: string;
  /** False once the promotion's version or target changed: a void approval counts for nothing. */
  valid: boolean;
};

/**
 * Links to what a promotion wrote.
 *
 * @public
 */
export type PromotionLinks = {
  pullRequest?: { number: number; url?: string };
  commit?: { sha: string; url?: string };
  workflowRun?: { id?: number; url?: string };
  branch?: string;
};

/**
 * A promotion: one version moved into one environment of a service's chain (or rolled back).
 *
 * @public
 */
export type Promotion = {
  id: string;
  entityRef: string;
  kind: 'promotion' | 'rollback';
  /** Environment the version comes from; absent for a rollback. */
  source?: string;
  target: string;
  /** Exactly what the target overlay receives: name, tag and digest. */
  version: ImageReference;
  requestedBy: string;
  reason?: string;
  state: PromotionState;
  /** Why it is in this state, e.g. the gate that failed or the error that ended it. */
  stateReason?: string;
  mode: ExecutionMode;
  /**
   * Whether Stageline merges its pull request as soon as GitHub allows, as config said when it
   * was requested.
   */
  autoMerge?: boolean;
  approvalsRequired: number;
  approvals: ApprovalDecision[];
  links: PromotionLinks;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** Who cancelled it (a user entity ref or `service:<subject>`), when it was cancelled. */
  cancelledBy?: string;
  /**
   * What it waits for now, computed when it is returned; absent once it is final. Shows the
   * reason a promotion has not moved (approvals, a freeze window, the engine, a pull request,
   * the rollout, or an execution claim held by another backend instance until it expires).
   */
  waitingFor?: PromotionWait;
};

/**
 * What a promotion in flight waits for:
 * - `approvals`: approvals by people other than the requester;
 * - `freeze-end`: a freeze window of the target, until `until`;
 * - `write`: the engine writing Git (at once, or after `detail`'s passing failure);
 * - `merge`: its pull request being merged;
 * - `rollout`: the target running the version healthy (the GitOps agent applying it, then the
 *   rollout);
 * - `verification`: the target's verification checks, until their duration is over;
 * - `claim`: another backend instance holds it until `until` (when that instance stopped
 *   mid-step, another instance takes it over then).
 *
 * @public
 */
export type PromotionWait = {
  kind:
    | 'approvals'
    | 'freeze-end'
    | 'write'
    | 'merge'
    | 'rollout'
    | 'verification'
    | 'claim';
  /** One human sentence, e.g. "1 of 2 approvals: 1 more needed from people other than the requester". */
  detail: string;
  /** When the wait ends by itself (a freeze window's end, a claim's expiry), ISO 8601. */
  until?: string;
};

/**
 * One entry of a promotion's audit trail.
 *
 * @public
 */
export type PromotionEvent = {
  at: string;
  actor: string;
  action: string;
  result: 'succeeded' | 'failed' | 'refused';
  message?: string;
  link?: string;
};

/**
 * What promoting into an environment would take right now: the candidate version, every gate
 * with its reason, and any promotion already in flight. Served with the environments so the UI
 * explains the gates before anyone clicks.
 *
 * @public
 */
export type PromotionReadiness = {
  source: string;
  target: string;
  /** What the source both declares in Git and runs, with a known digest; absent when it does not. */
  version?: ImageReference;
  gates: GateResult[];
  /** Every gate that blocks a request passes, and there is something to promote. */
  ready: boolean;
  /**
   * Why a request would be refused although no gate fails: the target already declares the
   * candidate ("nothing to promote").
   */
  notReadyReason?: string;
  approvalsRequired: number;
  protected: boolean;
  mode: ExecutionMode;
  inFlight?: Promotion;
};

/**
 * One entry of a service's history: an event of one of its promotions, a refused attempt, or a
 * preview's keep, extend or delete (by a person, or `stageline:reaper`).
 *
 * @public
 */
export type HistoryEvent = PromotionEvent & {
  /** The promotion it belongs to; absent for preview events and refused requests. */
  promotionId?: string;
  /** The environment it is about; for `preview.*` actions, the preview namespace. */
  environment?: string;
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/history`: the newest page of the service's
 * history, oldest first.
 *
 * @public
 */
export type ServiceHistoryPage = {
  entityRef: string;
  events: HistoryEvent[];
  /**
   * Opaque cursor: pass it as `before` to the same route for the page of older events. Absent
   * when there are none.
   */
  olderEventsCursor?: string;
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/promotions`: newest first.
 *
 * @public
 */
export type PromotionsResponse = {
  entityRef: string;
  promotions: Promotion[];
};

/**
 * One page of a promotion's audit events, oldest first.
 *
 * @public
 */
export type PromotionEventsPage = {
  events: PromotionEvent[];
  /**
   * Opaque cursor: pass it as `before` to `GET /promotions/:id/events` for the page of older
   * events. Absent when there are none.
   */
  olderEventsCursor?: string;
};

/**
 * One verification check's latest result with its reason, e.g. check `GET /health`, failed,
 * because the URL answered 503 where 200 was expected.
 *
 * @public
 */
export type VerificationCheckResult = {
  check: string;
  passed: boolean;
  reason: string;
  /** When it ran, ISO 8601. */
  at: string;
};

/**
 * Response of `GET /promotions/:id`: the promotion with the newest page of its audit events,
 * and, once its target verified it, the latest result of each verification check.
 *
 * @public
 */
export type PromotionDetail = Promotion &
  PromotionEventsPage & {
    verification?: {
      outcome?: 'passed' | 'failed';
      results: VerificationCheckResult[];
      /** The rollback a failed verification wrote. */
      rollbackPromotionId?: string;
      /** Why no rollback was written after a failed verification, when none could be. */
      rollbackNote?: string;
    };
  };

/**
 * Body of `POST /entities/:kind/:namespace/:name/promotions`.
 *
 * @public
 */
export type PromotionRequest = {
  target: string;
  /** Version (`name:tag@digest`, or a tag) the caller expects to promote; refused when it is not the candidate. */
  version?: string;
  reason?: string;
  /** A repeated request with the same key returns the same promotion. */
  idempotencyKey?: string;
  /** Roll the target back to a version it ran successfully before (needs `environments.rollback`). */
  rollback?: boolean;
};

/**
 * Body of `POST /promotions/:id/approvals`.
 *
 * @public
 */
export type ApprovalRequest = {
  decision: 'approve' | 'reject';
  comment?: string;
  /**
   * The promotion's version the approver was shown, `name:tag@digest` as `formatImageReference`
   * writes it. Refused (409) when the promotion has moved to another version since.
   */
  version: string;
  /**
   * What the target overlay declared when the approver looked (`name:tag@digest`, the target's
   * `desired.image`), or null when it declared none. Refused (409) when it changed since.
   */
  targetBase: string | null;
};
