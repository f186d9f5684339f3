import type {
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import type { ChainState } from '../../readmodel/ChainState';
import type { PromotionDeps } from '../PromotionDeps';
import type { FinishDetail } from '../types';

/** The chain of the promotion's service, read with the plugin's own credentials. */
export async function readForEngine(
  deps: PromotionDeps,
  promotion: Promotion,
): Promise<ChainState> {
  return deps.environments.readChain(promotion.entityRef, {
    credentials: await deps.serviceCredentials(),
  });
}

/** Appends one row to the promotion's audit trail. */
export async function auditPromotion(
  deps: PromotionDeps,
  promotion: Promotion,
  entry: {
    actor: string;
    action: string;
    result: 'succeeded' | 'failed' | 'refused';
    message?: string;
    link?: string;
  },
): Promise<void> {
  await deps.store.appendAudit({
    ...entry,
    at: deps.now().toISOString(),
    entityRef: promotion.entityRef,
    promotionId: promotion.id,
    environment: promotion.target,
  });
}

/** Why and by whom a promotion reaches a final state. */
/** Moves to a final state (once: compare-and-set), audits and notifies. */
export async function finishPromotion(
  deps: PromotionDeps,
  promotion: Promotion,
  from: PromotionState[],
  to: PromotionState,
  detail: FinishDetail,
): Promise<Promotion> {
  const done = await deps.store.transition(promotion.id, from, to, {
    ...detail.patch,
    stateReason: detail.stateReason,
  });
  if (!done) return (await deps.store.get(promotion.id)) ?? promotion;
  await auditPromotion(deps, done, {
    actor: detail.actor ?? 'stageline:engine',
    action: `promotion.${to}`,
    result: to === 'succeeded' ? 'succeeded' : 'failed',
    message: detail.stateReason,
    link: detail.link,
  });
  await deps.notifier.finished(done);
  return done;
}

/** Whether the promotion last changed more than `ms` ago. */
export function olderThan(
  deps: PromotionDeps,
  promotion: Promotion,
  ms: number,
): boolean {
  return deps.now().getTime() - Date.parse(promotion.updatedAt) > ms;
}
