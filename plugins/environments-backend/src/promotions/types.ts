import type { AuditEntry } from '../audit/types';
import type {
  ApprovalDecision,
  ExecutionMode,
  ImageReference,
  Promotion,
  PromotionLinks,
  PromotionSchedule,
  PromotionState,
} from '@stageline/plugin-environments-common';

/** What a new promotion row holds. */
export type NewPromotion = {
  entityRef: string;
  kind: Promotion['kind'];
  source?: string;
  target: string;
  /** The overlay folder written (repository and path): one promotion in flight per folder. */
  targetFolder: string;
  version: ImageReference;
  requestedBy: string;
  reason?: string;
  mode: ExecutionMode;
  /** Merge the pull request as soon as GitHub allows (config at request time). */
  autoMerge: boolean;
  approvalsRequired: number;
  /** Unique per entity: a second create with the same key returns the first promotion. */
  idempotencyKey?: string;
  /**
   * First state: `awaiting-approval` when approvals are required, else `executing`, or
   * `requested` for a scheduled one (the engine starts it when its time comes).
   */
  state: PromotionState;
  /** When the version's source commit was made (ISO 8601): where lead time starts. */
  sourceCommitAt?: string;
  /** Requested as break-glass, answering this incident (an http(s) URL). */
  breakGlass?: { incident: string };
  /** Not written before `notBefore` (ISO 8601 UTC) and/or before the target's freeze ends. */
  schedule?: PromotionSchedule;
};

/** Changes applied together with a state transition. */
export type PromotionPatch = {
  stateReason?: string;
  /** Merged into the stored links. */
  links?: PromotionLinks;
  /** Who cancelled it: set with the transition to `cancelled`. */
  cancelledBy?: string;
};

/** Which backend instance holds a promotion's execution lease, and until when. */
export type PromotionClaim = {
  owner: string;
  /** ISO 8601. */
  expiresAt: string;
};

/** The audit row written with a new promotion; the store adds its id, entity and target. */
export type FirstAuditEntry = Omit<
  AuditEntry,
  'entityRef' | 'promotionId' | 'environment'
>;

/** One page of a promotion's audit rows, oldest first, and the cursor of the older ones. */
export type AuditPage = {
  entries: AuditEntry[];
  /** Pass as `before` for the page of older rows; absent when there are none. */
  olderCursor?: string;
};

/**
 * Promotions, approvals and the audit trail in the plugin's database. Every invariant that must
 * hold across several backend instances is enforced by the database, not by memory:
 * at most one promotion in a non-final state per overlay folder; one promotion per
 * (entity, idempotency key); one decision per (promotion, user); compare-and-set transitions.
 */
export interface PromotionStore {
  /**
   * Inserts a promotion, and `firstAudit` in the same transaction: when either insert fails,
   * neither row exists. Returns `{ created: false }` with the existing row (writing no audit)
   * when the idempotency key was used before for this entity. Throws ConflictError (naming the
   * in-flight promotion) when another promotion is in flight for its overlay folder.
   */
  create(
    promotion: NewPromotion,
    firstAudit?: FirstAuditEntry,
  ): Promise<{ promotion: Promotion; created: boolean }>;
  get(id: string): Promise<Promotion | undefined>;
  /**
   * Records an approver's after-the-fact acknowledgement of a break-glass promotion, once.
   * Undefined when it is not break-glass or was already acknowledged.
   */
  acknowledgeBreakGlass(
    id: string,
    acknowledgement: { user: string; at: string },
  ): Promise<Promotion | undefined>;
  /** Break-glass promotions not yet acknowledged, newest first; only the entity's if given. */
  listUnacknowledgedBreakGlass(entityRef?: string): Promise<Promotion[]>;
  /** The promotion an entity created with this idempotency key, if any. */
  findByIdempotencyKey(
    promotion: Pick<NewPromotion, 'entityRef' | 'idempotencyKey'>,
  ): Promise<Promotion | undefined>;
  /** Newest first. */
  listByEntity(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<Promotion[]>;
  /**
   * Promotions in a non-final state, oldest first (what the background task advances); only
   * the entity's when `entityRef` is given.
   */
  listInFlight(entityRef?: string): Promise<Promotion[]>;
  /** The promotion in flight into an overlay folder (`NewPromotion.targetFolder`). */
  findInFlight(targetFolder: string): Promise<Promotion | undefined>;
  /**
   * Compare-and-set: moves the promotion to `to` only when it is in one of `from`. Returns the
   * updated promotion, or undefined when its state was not in `from` (another instance won).
   * A final state sets `finishedAt` and frees its overlay folder.
   */
  transition(
    id: string,
    from: PromotionState[],
    to: PromotionState,
    patch?: PromotionPatch,
  ): Promise<Promotion | undefined>;
  /**
   * Replaces the version of a promotion still in `requested` or `awaiting-approval` (the source
   * moved on). Decisions stay bound to the version they were made for, so they become void.
   * Undefined when the promotion is in another state.
   */
  updateVersion(
    id: string,
    version: ImageReference,
  ): Promise<Promotion | undefined>;
  /** Records links or a reason without changing state; `updatedAt` (when the state changed) stays. */
  patch(id: string, patch: PromotionPatch): Promise<void>;
  /**
   * Records a decision on `decision.version`, atomically with checking that it is still the
   * promotion's version. Throws ConflictError naming the current version when it is not, when
   * the promotion is final, or when the user already decided on this version.
   */
  addDecision(
    id: string,
    decision: Omit<ApprovalDecision, 'valid'> & { version: ImageReference },
  ): Promise<Promotion>;
  /**
   * Atomically takes the right to execute (write Git for) a promotion for `leaseMs`; false when
   * another instance holds an unexpired lease. Guards against two instances writing at once.
   */
  claim(id: string, owner: string, leaseMs: number): Promise<boolean>;
  release(id: string, owner: string): Promise<void>;
  /** The execution leases held on these promotions (expired ones included), by promotion id. */
  listClaims(ids: string[]): Promise<Map<string, PromotionClaim>>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /**
   * The newest `limit` rows of one entity's trail (50 unless asked, at most 200), oldest first;
   * `before` as in `listAuditPage`. `type` keeps only preview rows (`preview.*` actions) or only
   * the others.
   */
  listEntityAuditPage(query: {
    entityRef: string;
    type?: 'preview' | 'promotion';
    before?: string;
    limit?: number;
  }): Promise<AuditPage>;
  /**
   * The newest `limit` rows of one promotion (50 unless asked, at most 200), oldest first; with
   * `before` (the cursor of an earlier page), only rows older than that page.
   */
  listAuditPage(query: {
    promotionId: string;
    before?: string;
    limit?: number;
  }): Promise<AuditPage>;
  /** Oldest first. */
  listAudit(query: {
    promotionId?: string;
    entityRef?: string;
    limit?: number;
  }): Promise<AuditEntry[]>;
}

/** How a promotion ends: why, by whom, with what link and recorded changes. */
export type FinishDetail = {
  stateReason: string;
  actor?: string;
  link?: string;
  /** Recorded in the same transition, e.g. who cancelled it. */
  patch?: Omit<PromotionPatch, 'stateReason'>;
};

/**
 * What requests, decisions and cancels ask of the promotion engine (engine/PromotionEngine),
 * which the service is given rather than imports: the engine builds on the service's folder.
 */
export interface PromotionRunner {
  /** Advances the promotion in the background, soon; failures are logged. */
  advanceSoon(id: string): void;
  /** Moves the promotion from one of `from` to the final state `to` (once), audits and notifies. */
  finish(
    promotion: Promotion,
    from: PromotionState[],
    to: PromotionState,
    detail: FinishDetail,
  ): Promise<Promotion>;
}
