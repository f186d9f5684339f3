import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';

const MOVING = new Set(['executing', 'waiting-for-merge', 'rolling-out']);

/**
 * Whether something is changing right now (a rollout, a promotion being written or rolling
 * out): the tab then refreshes every few seconds instead of every ten, so a short rollout is seen.
 */
export function isMoving(response: EnvironmentsResponse | undefined): boolean {
  return (
    response?.environments.some(
      env =>
        env.sync.status === 'rolling-out' ||
        MOVING.has(env.promotion?.inFlight?.state ?? ''),
    ) ?? false
  );
}
