import {
  type EnvironmentState,
  type ImageReference,
  type LiveState,
  shortVersion,
} from '@stageline/plugin-environments-common';
import type { CheckResult } from './CheckResult';

const CRASH_LOOP = /CrashLoopBackOff/;

/**
 * Whether the environment's workloads stayed steady since verification started: still on the
 * promoted version, every desired replica ready, no crash loop, and no container restarted more
 * often than when verification started. Read from the watch-backed cluster caches only.
 */
export function workloadSteadiness(input: {
  environment: EnvironmentState;
  version: ImageReference;
  /** Container restarts counted when verification started. */
  restartsAtStart: number;
  now: Date;
}): CheckResult {
  const { environment, version, restartsAtStart } = input;
  const result = (passed: boolean, reason: string): CheckResult => ({
    check: 'workloads',
    passed,
    reason,
    at: input.now.toISOString(),
  });
  const live = environment.live;
  if (!live) {
    return result(
      false,
      `${environment.name}: no workload of the service runs there (${
        environment.sync.reason || 'the cluster could not be read'
      })`,
    );
  }
  const crashLoop = [
    ...live.reasons,
    ...live.workloads.flatMap(w => w.reasons),
  ].find(reason => CRASH_LOOP.test(reason));
  if (crashLoop) return result(false, `Crash loop: ${crashLoop}`);
  const restarted = live.restarts - restartsAtStart;
  if (restarted > 0) {
    return result(
      false,
      `Containers restarted ${restarted} time${
        restarted === 1 ? '' : 's'
      } since verification started`,
    );
  }
  if (live.replicas.ready < live.replicas.desired) {
    return result(
      false,
      `${live.replicas.ready} of ${live.replicas.desired} replicas ready${
        live.reasons.length > 0 ? `: ${live.reasons.join('; ')}` : ''
      }`,
    );
  }
  if (!onVersion(live, version)) {
    return result(
      false,
      `${environment.name} no longer runs only ${shortVersion(version)}: ${
        environment.sync.reason
      }`,
    );
  }
  return result(
    true,
    `${live.replicas.ready} of ${live.replicas.desired} replicas ready, no new restarts`,
  );
}

/** Every pod on the promoted digest (or its tag when it has none). */
function onVersion(live: LiveState, version: ImageReference): boolean {
  if (!live.image || live.image.name !== version.name) return false;
  return version.digest
    ? live.digests.length > 0 && live.digests.every(d => d === version.digest)
    : live.image.tag === version.tag;
}
