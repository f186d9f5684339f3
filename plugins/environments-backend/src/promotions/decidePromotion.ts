import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  type ApprovalRequest,
  type Promotion,
} from '@stageline/plugin-environments-common';
import { checkApproverView } from './checkApproverView';
import type { PromotionRunner } from './types';
import type { PromotionDeps } from './PromotionDeps';
import { requireApprover } from './requireApprover';
import { describeSchedule } from './schedule/describeSchedule';

/**
 * An approval or rejection once service access passed: read and approve (and protected)
 * permissions, a person other than the requester, checked against what they were shown; enough
 * approvals move the promotion on to its write (or, scheduled, to wait for its time), a
 * rejection ends it.
 */
export async function decidePromotion(
  deps: PromotionDeps,
  engine: Pick<PromotionRunner, 'advanceSoon' | 'finish'>,
  promotion: Promotion,
  body: ApprovalRequest,
  credentials: BackstageCredentials,
  user: string | undefined,
): Promise<Promotion> {
  const approver = await requireApprover(deps, promotion, credentials, user, {
    anonymous: 'Approvals must come from a signed-in user',
    requester:
      'You requested this promotion, so you cannot approve or reject it: approvals must come from someone else',
  });
  if (promotion.state !== 'awaiting-approval') {
    throw new ConflictError(
      `Promotion ${promotion.id} is ${promotion.state}, not awaiting approval`,
    );
  }
  const version = await checkApproverView(
    deps.environments,
    promotion,
    body,
    credentials,
  );
  const decided = await deps.store.addDecision(promotion.id, {
    user: approver,
    decision: body.decision === 'approve' ? 'approved' : 'rejected',
    comment: body.comment,
    at: deps.now().toISOString(),
    version,
  });
  await deps.store.appendAudit({
    at: deps.now().toISOString(),
    entityRef: promotion.entityRef,
    promotionId: promotion.id,
    environment: promotion.target,
    actor: approver,
    action: `promotion.${body.decision}`,
    result: 'succeeded',
    message: body.comment,
  });
  if (body.decision === 'reject') {
    return engine.finish(decided, ['awaiting-approval'], 'rejected', {
      stateReason: `Rejected by ${approver}${
        body.comment ? `: ${body.comment}` : ''
      }`,
      actor: approver,
    });
  }
  const approvers = new Set(
    decided.approvals
      .filter(
        a =>
          a.valid &&
          a.decision === 'approved' &&
          a.user !== decided.requestedBy,
      )
      .map(a => a.user),
  );
  if (approvers.size < decided.approvalsRequired) return decided;
  const approved = `Approved by ${[...approvers].join(', ')}`;
  // A scheduled one waits in `requested` for its time: the engine starts it then.
  const moved = await deps.store.transition(
    decided.id,
    ['awaiting-approval'],
    decided.schedule ? 'requested' : 'executing',
    {
      stateReason: decided.schedule
        ? `${approved}; ${describeSchedule(decided.schedule)}`
        : approved,
    },
  );
  if (!moved) return (await deps.store.get(decided.id))!;
  engine.advanceSoon(moved.id);
  return moved;
}
