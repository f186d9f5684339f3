import type { GitOpsAgentStatus } from '../agents/agentStatus';
import type { ImageReference } from '../images/ImageReference';
import type { LiveState } from '../live/types';
import type { PromotionReadiness } from '../promotions/readinessTypes';

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
  /**
   * The overlay's layout declares a migrations Job (in its resources or its bases'): a promotion
   * waits for that Job even before the cluster shows it. Absent when it declares none.
   */
  migrationsJob?: true;
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
  /** The GitOps agent tried to apply what Git declares and failed (its message is the reason). */
  | 'sync-failed'
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
  /** The GitOps agent applying this environment's overlay; absent when none is found. */
  agent?: GitOpsAgentStatus;
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
