import type { SyncStatus } from '../environments/types';
import type { ImageReference } from '../images/ImageReference';
import type { Promotion, PromotionState } from '../promotions/types';

/**
 * The states the fleet can be filtered by: `drifted` (the cluster runs something Git does not
 * declare, or the tag moved), `failing` (degraded, or a promotion into it failed last), and
 * `waiting-for-approval` (a promotion into it awaits approval).
 *
 * @public
 */
export type FleetStateFilter = 'drifted' | 'failing' | 'waiting-for-approval';

/**
 * A promotion in flight into one environment, as the fleet shows it.
 *
 * @public
 */
export type FleetPromotion = {
  id: string;
  kind: 'promotion' | 'rollback';
  state: PromotionState;
  version: ImageReference;
  requestedBy: string;
  createdAt: string;
};

/**
 * How far an environment lags the one before it in the chain. Absent on the first environment.
 *
 * @public
 */
export type FleetLag = {
  /** Whether it declares the same version as the previous environment. */
  upToDate: boolean;
  /**
   * Commits of the source repository between the two versions, when a comparison of them is
   * already in memory (the fleet never asks GitHub or Git for one).
   */
  commits?: number;
  /**
   * Since when the previous environment has had the version this one lacks (ISO 8601): the
   * lag in time is now minus this. Absent when up to date or not known.
   */
  behindSince?: string;
};

/**
 * One environment of one service in the fleet.
 *
 * @public
 */
export type FleetEnvironment = {
  name: string;
  /** What Git declares, else what the cluster runs. */
  version?: ImageReference;
  sync: SyncStatus;
  /** The sync verdict's reason, one sentence. */
  reason: string;
  /** The states of {@link FleetStateFilter} that apply. */
  flags: FleetStateFilter[];
  /** Since when it has this version (ISO 8601): the cluster's rollout start, else Git's change. */
  since?: string;
  inFlight?: FleetPromotion;
  lag?: FleetLag;
  /** Per-environment errors (a cluster or repository that could not be read), as sentences. */
  errors: string[];
};

/**
 * One service (catalog component) with every environment of its chain.
 *
 * @public
 */
export type FleetService = {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  chain: string;
  environments: FleetEnvironment[];
  /** Why the service could not be read as a whole (ownership not confirmed, unknown chain). */
  error?: string;
};

/**
 * Response of `GET /fleet`: one page of services, sorted by entity ref.
 *
 * @public
 */
export type FleetResponse = {
  services: FleetService[];
  /** Every environment name that appears on this page, in chain order. */
  environments: string[];
  /** Services matching the filters, across all pages. */
  total: number;
  /** Pass as `cursor` for the next page; absent on the last one. */
  nextCursor?: string;
  generatedAt: string;
};

/**
 * Query of `GET /fleet`. Repeatable values (owner, system, lifecycle, state) match any of them.
 *
 * @public
 */
export type FleetQuery = {
  owner?: string[];
  system?: string[];
  lifecycle?: string[];
  state?: FleetStateFilter[];
  /** Only services owned by the caller or one of the caller's groups. */
  mine?: boolean;
  /** Case-insensitive substring of the service's name, title, or a version in any environment. */
  search?: string;
  /** Only the components of this entity: a System's parts or a Group's owned components. */
  scope?: string;
  limit?: number;
  cursor?: string;
};

/**
 * A promotion waiting for the caller's approval: the caller may approve it, did not request it
 * and has not decided on it yet.
 *
 * @public
 */
export type AwaitingApproval = {
  id: string;
  entityRef: string;
  source?: string;
  target: string;
  version: ImageReference;
  requestedBy: string;
  reason?: string;
  createdAt: string;
  approvalsRequired: number;
  /** Valid approvals so far. */
  approvals: number;
};

/**
 * Response of `GET /approvals/mine`, oldest request first.
 *
 * @public
 */
export type AwaitingApprovalsResponse = {
  promotions: AwaitingApproval[];
};

/**
 * A break-glass promotion no approver acknowledged yet, as the fleet lists them: it bypassed
 * freeze windows, soak time and approvals, and waits for an approver to acknowledge it on its
 * detail view.
 *
 * @public
 */
export type AwaitingAcknowledgement = Pick<
  Promotion,
  | 'id'
  | 'entityRef'
  | 'kind'
  | 'source'
  | 'target'
  | 'version'
  | 'requestedBy'
  | 'reason'
  | 'createdAt'
> & {
  /** The incident the requester named (a URL). */
  incident: string;
};

/**
 * Response of `GET /fleet/breakglass`: the unacknowledged break-glass promotions of every
 * service the caller may read, newest first.
 *
 * @public
 */
export type AwaitingAcknowledgementsResponse = {
  promotions: AwaitingAcknowledgement[];
};
