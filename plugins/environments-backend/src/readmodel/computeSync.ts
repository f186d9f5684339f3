import type {
  DesiredState,
  EnvironmentState,
  LiveState,
} from '@stageline/plugin-environments-common';
import { shortVersion } from '@stageline/plugin-environments-common';
import { runsDesiredImage } from './runsDesiredImage';

/**
 * The sync verdict of one environment, with a reason a person can act on. `live` is undefined
 * when the cluster holds no workload of the service; `liveKnown` is false when the cluster could
 * not be read (the reason is then in the environment's errors).
 */
export function computeSync(input: {
  desired?: DesiredState;
  live?: LiveState;
  liveKnown: boolean;
  namespace: string;
}): EnvironmentState['sync'] {
  const { desired, live, liveKnown, namespace } = input;
  if (!liveKnown) {
    return { status: 'unknown', reason: 'The cluster could not be read' };
  }
  if (!live) {
    return desired?.image
      ? {
          status: 'missing',
          reason: `Git declares ${shortVersion(
            desired.image,
          )} but no workload of the service runs in namespace ${namespace}`,
        }
      : {
          status: 'missing',
          reason: `No workload of the service runs in namespace ${namespace}`,
        };
  }
  if (!desired?.image) {
    return {
      status: 'unknown',
      reason: 'The desired version could not be read from Git',
    };
  }
  if (!runsDesiredImage(desired.image, live)) {
    return {
      status: 'drifted',
      reason: `Git declares ${shortVersion(
        desired.image,
      )} but the cluster runs ${
        live.image ? shortVersion(live.image) : 'an unknown image'
      }`,
    };
  }
  if (live.rollout === 'progressing' || live.rollout === 'paused') {
    return {
      status: 'rolling-out',
      reason: `Rolling out ${shortVersion(desired.image)}: ${
        live.replicas.updated
      }/${live.replicas.desired} updated, ${live.replicas.available} available`,
    };
  }
  if (live.rollout === 'failed') {
    return {
      status: 'drifted',
      reason: `The rollout of ${shortVersion(desired.image)} failed: ${
        live.reasons[0] ?? 'progress deadline exceeded'
      }`,
    };
  }
  return {
    status: 'in-sync',
    reason: `Runs ${shortVersion(desired.image)} as Git declares`,
  };
}
