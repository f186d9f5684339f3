import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { Promotion } from '@stageline/plugin-environments-common';
import type { PromotionDeps } from './PromotionDeps';
import { requireApprover } from './requireApprover';

/**
 * An approver's after-the-fact acknowledgement of a break-glass promotion: someone allowed to
 * approve promotions into its target (read, approve, and protected as it applies), a signed-in
 * user other than the requester. Recorded once, with an audit row.
 */
export async function acknowledgeBreakGlass(
  deps: PromotionDeps,
  promotion: Promotion,
  credentials: BackstageCredentials,
  user: string | undefined,
): Promise<Promotion> {
  const approver = await requireApprover(deps, promotion, credentials, user, {
    anonymous: 'A break-glass promotion is acknowledged by a signed-in user',
    requester:
      'You requested this break-glass promotion, so you cannot acknowledge it: another approver must',
  });
  if (!promotion.breakGlass) {
    throw new ConflictError(
      `Promotion ${promotion.id} is not break-glass: there is nothing to acknowledge`,
    );
  }
  const at = deps.now().toISOString();
  const acknowledged = await deps.store.acknowledgeBreakGlass(promotion.id, {
    user: approver,
    at,
  });
  if (!acknowledged) {
    const current = await deps.store.get(promotion.id);
    throw new ConflictError(
      `Promotion ${promotion.id} was already acknowledged by ${
        current?.breakGlass?.acknowledgedBy ?? 'someone else'
      }`,
    );
  }
  await deps.store.appendAudit({
    at,
    entityRef: promotion.entityRef,
    promotionId: promotion.id,
    environment: promotion.target,
    actor: approver,
    action: 'promotion.break-glass-acknowledged',
    result: 'succeeded',
    message: `Acknowledged the break-glass ${promotion.kind} (incident ${promotion.breakGlass.incident})`,
  });
  return acknowledged;
}
