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
  /**
   * Break-glass (needs `environments.promote.breakglass`): bypass freeze windows, soak time,
   * source health duration and approvals; `reason` is then required.
   */
  breakGlass?: {
    /** The incident this answers, an http(s) URL. */
    incident: string;
  };
  /** Run it later: not before a time, or once the target's freeze window ends (or both). */
  schedule?: PromotionSchedule;
};

/**
 * When a scheduled promotion may write the target: at least one of the two. Gates are checked
 * again when it runs.
 *
 * @public
 */
export type PromotionSchedule = {
  /** Not before this time, ISO 8601 with a time zone offset, in the future. */
  notBefore?: string;
  /** Requested during the target's freeze window, to run once the window ends. */
  whenFreezeEnds?: boolean;
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
