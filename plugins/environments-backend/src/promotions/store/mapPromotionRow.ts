import type {
  ApprovalDecision,
  ExecutionMode,
  ImageReference,
  Promotion,
  PromotionLinks,
  PromotionState,
} from '@stageline/plugin-environments-common';
import { decisionBinding } from './decisionBinding';
import type { DecisionRow, PromotionRow } from './rows';

/** A stored promotion and its decisions, as the API returns them. */
export function mapPromotionRow(
  row: PromotionRow,
  decisions: DecisionRow[],
): Promotion {
  const version = versionOf(row);
  const binding = decisionBinding({
    entityRef: row.entity_ref,
    target: row.target,
    version,
  });
  return {
    id: row.id,
    entityRef: row.entity_ref,
    kind: row.kind as Promotion['kind'],
    ...(row.source !== null && { source: row.source }),
    target: row.target,
    version,
    requestedBy: row.requested_by,
    ...(row.reason !== null && { reason: row.reason }),
    state: row.state as PromotionState,
    ...(row.state_reason !== null && { stateReason: row.state_reason }),
    mode: row.mode as ExecutionMode,
    autoMerge: Boolean(row.auto_merge),
    approvalsRequired: Number(row.approvals_required),
    approvals: decisions.map(decision => mapDecision(decision, binding)),
    links: JSON.parse(row.links) as PromotionLinks,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
    ...(row.cancelled_by && { cancelledBy: row.cancelled_by }),
    ...(row.break_glass_incident && {
      breakGlass: {
        incident: row.break_glass_incident,
        ...(row.break_glass_acknowledged_by && {
          acknowledgedBy: row.break_glass_acknowledged_by,
        }),
        ...(row.break_glass_acknowledged_at && {
          acknowledgedAt: row.break_glass_acknowledged_at,
        }),
      },
    }),
    ...scheduleOf(row),
  };
}

function scheduleOf(row: PromotionRow): Pick<Promotion, 'schedule'> {
  const notBefore = row.schedule_not_before;
  const whenFreezeEnds = Boolean(row.schedule_when_freeze_ends);
  if (notBefore === null && !whenFreezeEnds) return {};
  return {
    schedule: {
      ...(notBefore !== null && { notBefore }),
      ...(whenFreezeEnds && { whenFreezeEnds }),
    },
  };
}

function versionOf(row: PromotionRow): ImageReference {
  return {
    name: row.version_name,
    ...(row.version_tag !== null && { tag: row.version_tag }),
    ...(row.version_digest !== null && { digest: row.version_digest }),
  };
}

function mapDecision(row: DecisionRow, binding: string): ApprovalDecision {
  return {
    user: row.user,
    decision: row.decision as ApprovalDecision['decision'],
    ...(row.comment !== null && { comment: row.comment }),
    at: row.at,
    valid: row.binding === binding,
  };
}
