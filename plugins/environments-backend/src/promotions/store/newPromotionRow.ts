import type { NewPromotion } from '../types';
import { inFlightKey } from './inFlightKey';
import type { PromotionRow } from './rows';

/** The row of a promotion being created: in flight, unclaimed, without links. */
export function newPromotionRow(
  promotion: NewPromotion,
  id: string,
  now: string,
): PromotionRow {
  return {
    id,
    entity_ref: promotion.entityRef,
    kind: promotion.kind,
    source: promotion.source ?? null,
    target: promotion.target,
    version_name: promotion.version.name,
    version_tag: promotion.version.tag ?? null,
    version_digest: promotion.version.digest ?? null,
    requested_by: promotion.requestedBy,
    reason: promotion.reason ?? null,
    state: promotion.state,
    state_reason: null,
    mode: promotion.mode,
    auto_merge: promotion.autoMerge,
    approvals_required: promotion.approvalsRequired,
    links: '{}',
    idempotency_key: promotion.idempotencyKey ?? null,
    in_flight_key: inFlightKey(promotion.targetFolder),
    revision: 0,
    claim_owner: null,
    claim_expires_at: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
    cancelled_by: null,
    source_commit_at: promotion.sourceCommitAt ?? null,
    break_glass_incident: promotion.breakGlass?.incident ?? null,
    break_glass_acknowledged_by: null,
    break_glass_acknowledged_at: null,
    schedule_not_before: promotion.schedule?.notBefore ?? null,
    schedule_when_freeze_ends: promotion.schedule?.whenFreezeEnds ?? null,
  };
}
