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
