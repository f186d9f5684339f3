import type { ImageReference } from '../images/ImageReference';
import type { PromotionSchedule } from './requestTypes';

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
  /** Set when it was requested as break-glass: it bypassed freeze, soak and approval gates. */
  breakGlass?: PromotionBreakGlass;
  /** Set when it was requested to run later; it holds the target until it runs or is cancelled. */
  schedule?: PromotionSchedule;
  /**
   * What it waits for now, computed when it is returned; absent once it is final. Shows the
   * reason a promotion has not moved (approvals, a freeze window, the engine, a pull request,
   * the rollout, or an execution claim held by another backend instance until it expires).
   */
  waitingFor?: PromotionWait;
};

/**
 * What a promotion in flight waits for:
 * - `schedule`: its scheduled time (`until`), before anything is written;
 * - `approvals`: approvals by people other than the requester;
 * - `freeze-end`: a freeze window of the target, until `until`;
 * - `write`: the engine writing Git (at once, or after `detail`'s passing failure);
 * - `merge`: its pull request being merged;
 * - `rollout`: the target running the version healthy (the GitOps agent applying it, then the
 *   rollout);
 * - `migrations`: the target's migrations Job for the version (it runs before the rollout counts);
 * - `verification`: the target's verification checks, until their duration is over;
 * - `claim`: another backend instance holds it until `until` (when that instance stopped
 *   mid-step, another instance takes it over then).
 *
 * @public
 */
export type PromotionWait = {
  kind:
    | 'schedule'
    | 'approvals'
    | 'freeze-end'
    | 'write'
    | 'merge'
    | 'rollout'
    | 'migrations'
    | 'verification'
    | 'claim';
  /** One human sentence, e.g. "1 of 2 approvals: 1 more needed from people other than the requester". */
  detail: string;
  /** When the wait ends by itself (a freeze window's end, a claim's expiry), ISO 8601. */
  until?: string;
};

/**
 * A break-glass promotion's incident and the approver's after-the-fact acknowledgement; until
 * `acknowledgedBy` is set it is listed as unacknowledged.
 *
 * @public
 */
export type PromotionBreakGlass = {
  incident: string;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
};
