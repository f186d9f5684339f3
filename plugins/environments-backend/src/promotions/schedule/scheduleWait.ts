import type { Promotion } from '@stageline/plugin-environments-common';
import type { PromotionDeps } from '../PromotionDeps';
import { freezeWindowGate } from '../gates/freezeWindowGate';

/**
 * Why a scheduled promotion may not start yet, or undefined once it may: `notBefore` still
 * ahead, or (for `whenFreezeEnds`) a freeze window of the target still open. The time is checked
 * first, so a promotion waiting for it costs no catalog read.
 */
export async function scheduleWait(
  deps: Pick<
    PromotionDeps,
    'config' | 'environments' | 'serviceCredentials' | 'now'
  >,
  promotion: Promotion,
): Promise<string | undefined> {
  const { schedule } = promotion;
  if (!schedule) return undefined;
  const now = deps.now();
  if (schedule.notBefore && Date.parse(schedule.notBefore) > now.getTime()) {
    return `Scheduled: runs not before ${schedule.notBefore}`;
  }
  if (!schedule.whenFreezeEnds) return undefined;
  const { chain } = await deps.environments.readContext(promotion.entityRef, {
    credentials: await deps.serviceCredentials(),
  });
  const freeze = freezeWindowGate({
    target: promotion.target,
    windows:
      deps.config.chains
        .get(chain)
        ?.find(env => env.definition.name === promotion.target)?.gates
        .freezeWindows ?? [],
    now,
  });
  return freeze.passed ? undefined : freeze.reason;
}
