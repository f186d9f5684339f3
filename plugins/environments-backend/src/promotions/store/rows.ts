/** Column shapes of the plugin's tables (see `migrations/`). Timestamps are ISO 8601 UTC text. */

export type PromotionRow = {
  id: string;
  entity_ref: string;
  kind: string;
  source: string | null;
  target: string;
  version_name: string;
  version_tag: string | null;
  version_digest: string | null;
  requested_by: string;
  reason: string | null;
  state: string;
  state_reason: string | null;
  mode: string;
  /** A boolean; SQLite answers 0 or 1. */
  auto_merge: boolean | number;
  approvals_required: number;
  /** PromotionLinks as JSON. */
  links: string;
  idempotency_key: string | null;
  /** The target overlay folder, hashed (see inFlightKey), while not final; else null. */
  in_flight_key: string | null;
  revision: number;
  claim_owner: string | null;
  claim_expires_at: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** Who cancelled it; null unless cancelled. */
  cancelled_by: string | null;
  /** When the version's source commit was made (ISO 8601), when known at request time. */
  source_commit_at: string | null;
  /** Break-glass: the incident URL, and who acknowledged it when. */
  break_glass_incident: string | null;
  break_glass_acknowledged_by: string | null;
  break_glass_acknowledged_at: string | null;
  /** Scheduled: not written before this time (ISO 8601 UTC); null when unset. */
  schedule_not_before: string | null;
  /** Scheduled: not written before the target's freeze window ends. SQLite answers 0 or 1. */
  schedule_when_freeze_ends: boolean | number | null;
};

export type DecisionRow = {
  id: number;
  promotion_id: string;
  user: string;
  decision: string;
  comment: string | null;
  at: string;
  entity_ref: string;
  target: string;
  version_name: string;
  version_tag: string | null;
  version_digest: string | null;
  /** Hash of (entity_ref, target, version) the decision was made for. */
  binding: string;
};

export type AuditRow = {
  id: number;
  at: string;
  actor: string;
  action: string;
  result: string;
  message: string | null;
  link: string | null;
  entity_ref: string;
  promotion_id: string | null;
  environment: string | null;
};
