import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import {
  shortVersion,
  sameVersion,
} from '@stageline/plugin-environments-common';

/**
 * An environment's state, with Stageline's own promotion explaining a difference between Git
 * and the cluster: a promotion written and waiting for its rollout means Git moved first, so
 * the cluster is waiting for the GitOps agent, not drifted (the read model alone cannot tell
 * when the overlay changed before this backend started).
 */
export function explainedSync(
  env: EnvironmentState,
  inFlight: Promotion | undefined,
): EnvironmentState['sync'] {
  const declared = env.desired?.image;
  if (
    env.sync.status !== 'drifted' ||
    !declared ||
    inFlight?.state !== 'rolling-out' ||
    !sameVersion(inFlight.version, declared)
  ) {
    return env.sync;
  }
  return {
    status: 'waiting-for-sync',
    since: inFlight.updatedAt,
    reason: `Git declares ${shortVersion(declared)} since promotion ${
      inFlight.id
    } wrote it; the cluster still runs ${
      env.live?.image ? shortVersion(env.live.image) : 'an unknown image'
    } until the GitOps agent applies it`,
  };
}
