import type {
  DesiredState,
  EnvironmentState,
  LiveState,
} from '@stageline/plugin-environments-common';
import { shortVersion } from '@stageline/plugin-environments-common';
import { runsDesiredImage, specsDesiredImage } from './runsDesiredImage';

type Sync = EnvironmentState['sync'];

/**
 * The one state of an environment, with a reason a person can act on. `live` is undefined when
 * the cluster holds no workload of the service; `liveKnown` is false when the cluster could not
 * be read (the reason is then in the environment's errors).
 */
export function computeSync(input: {
  desired?: DesiredState;
  live?: LiveState;
  liveKnown: boolean;
  /** When the cluster cannot be read: as of when `live` is its last known state. */
  liveAsOf?: string;
  namespace: string;
}): Sync {
  const { desired, live, liveKnown, namespace } = input;
  if (!liveKnown) {
    return {
      status: 'unknown',
      reason:
        live?.image && input.liveAsOf
          ? `The cluster could not be read; it ran ${shortVersion(
              live.image,
            )} when last read`
          : 'The cluster could not be read',
      ...(live && input.liveAsOf && { since: input.liveAsOf }),
    };
  }
  if (!live) {
    return {
      status: 'missing',
      reason: desired?.image
        ? `Git declares ${shortVersion(
            desired.image,
          )} but no workload of the service runs in namespace ${namespace}`
        : `No workload of the service runs in namespace ${namespace}`,
    };
  }
  if (!desired?.image) {
    return {
      status: 'unknown',
      reason: 'The desired version could not be read from Git',
    };
  }
  const rolling = live.rollout === 'progressing' || live.rollout === 'paused';
  if (rolling && specsDesiredImage(desired.image, live)) {
    return {
      status: 'rolling-out',
      reason: `Rolling out ${shortVersion(desired.image)}: ${
        live.replicas.updated
      }/${live.replicas.desired} updated, ${live.replicas.available} available`,
    };
  }
  if (!runsDesiredImage(desired.image, live)) return mismatch(desired, live);
  return runningState(desired, live);
}

/** Git and the cluster differ: either Git moved first (wait for the agent) or the cluster did. */
function mismatch(desired: DesiredState, live: LiveState): Sync {
  const declared = shortVersion(desired.image!);
  const running = live.image ? shortVersion(live.image) : 'an unknown image';
  const gitMovedLast =
    desired.changedAt !== undefined &&
    (!live.since || Date.parse(live.since) <= Date.parse(desired.changedAt));
  if (gitMovedLast) {
    return {
      status: 'waiting-for-sync',
      since: desired.changedAt,
      reason: `Git declares ${declared}; the cluster still runs ${running} until the GitOps agent applies it`,
    };
  }
  return {
    status: 'drifted',
    reason: `The cluster runs ${running}, which Git does not declare (Git declares ${declared}): it was changed outside Git`,
  };
}

/** The declared version runs, not rolling out: how well. */
function runningState(desired: DesiredState, live: LiveState): Sync {
  const declared = shortVersion(desired.image!);
  if (live.rollout === 'failed') {
    return {
      status: 'degraded',
      reason: `The rollout of ${declared} failed: ${
        live.reasons[0] ?? 'progress deadline exceeded'
      }`,
    };
  }
  if (live.digests.length > 1) {
    return {
      status: 'tag-moved',
      reason: `Pods run ${live.digests.length} digests of ${declared} although nothing is rolling out: the tag was moved in the registry; pin a digest in the overlay`,
    };
  }
  if (live.health === 'degraded') {
    return {
      status: 'degraded',
      reason: `Runs ${declared} as Git declares, but unhealthy: ${
        live.reasons[0] ?? 'workloads are not ready'
      }`,
    };
  }
  return { status: 'in-sync', reason: `Runs ${declared} as Git declares` };
}
