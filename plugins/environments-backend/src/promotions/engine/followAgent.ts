import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import type { PromotionDeps } from '../PromotionDeps';
import { agentProgress } from './agentProgress';
import { auditPromotion } from './engineSteps';
import { nudgeAgent } from './nudgeAgent';

const WAITING = 'Waiting for sync';

/**
 * A written promotion whose target has a GitOps agent is rolling out only once the agent
 * applied its commit. Until then its reason says it waits for sync (or gives the agent's
 * error), and the rollout timeout counts from the write; once applied, the reason says so and
 * the timeout counts from then. Without an agent, nothing changes. `stop`: still waiting.
 */
export async function followAgent(
  deps: PromotionDeps,
  promotion: Promotion,
  target: EnvironmentState | undefined,
  chain: string,
): Promise<{ stop: boolean; promotion: Promotion; reason?: string }> {
  const progress = target ? agentProgress(target, promotion) : undefined;
  if (!progress || progress.phase === 'none') return { stop: false, promotion };
  if (progress.phase === 'applied') {
    const reason = `Rolling out: ${progress.reason}`;
    if (promotion.stateReason === reason) return { stop: false, promotion };
    // A transition (to the same state) restarts the rollout timeout: rolling out starts now.
    const moved = await deps.store.transition(
      promotion.id,
      ['rolling-out'],
      'rolling-out',
      { stateReason: reason },
    );
    if (!moved) return { stop: false, promotion };
    // The promotion's history says which revision the agent applied, and when.
    await auditPromotion(deps, moved, {
      actor: 'stageline:engine',
      action: 'promotion.agent-applied',
      result: 'succeeded',
      message: progress.reason,
    });
    return { stop: false, promotion: moved };
  }
  if (promotion.stateReason === progress.reason) {
    return { stop: true, promotion, reason: progress.reason };
  }
  await deps.store.patch(promotion.id, { stateReason: progress.reason });
  const current = { ...promotion, stateReason: progress.reason };
  // Once per wait: when the promotion starts waiting for the agent to sync its commit.
  if (
    progress.phase === 'waiting' &&
    !promotion.stateReason?.startsWith(WAITING) &&
    target?.agent
  ) {
    await nudgeAgent(deps, current, chain, target.agent);
  }
  return { stop: true, promotion: current, reason: progress.reason };
}
