import type {
  EnvironmentState,
  ImageReference,
} from '@stageline/plugin-environments-common';

/**
 * Whether an environment runs `version` completely and healthy: every pod on its digest (or its
 * tag when it has none), the rollout complete and every desired replica ready.
 */
export function runsVersion(
  env: EnvironmentState,
  version: ImageReference,
): boolean {
  const live = env.live;
  if (!live?.image || live.image.name !== version.name) return false;
  const onVersion = version.digest
    ? live.digests.length > 0 && live.digests.every(d => d === version.digest)
    : live.image.tag === version.tag;
  return (
    onVersion &&
    live.rollout === 'complete' &&
    live.health === 'healthy' &&
    live.replicas.ready >= live.replicas.desired
  );
}
