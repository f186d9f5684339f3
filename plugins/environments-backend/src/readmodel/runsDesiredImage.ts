import type {
  ImageReference,
  LiveState,
} from '@stageline/plugin-environments-common';

/**
 * Whether the cluster runs exactly what Git declares. With a digest in Git the digest decides
 * (the tag is only a label), as the pods report it in their image IDs: the spec's `@digest` is
 * only trusted while no pod reports one. Without a digest, name and tag must match.
 */
export function runsDesiredImage(
  desired: ImageReference,
  live: LiveState,
): boolean {
  if (!live.image || live.image.name !== desired.name) return false;
  if (desired.digest) {
    if (live.digests.length > 0) {
      return live.digests.every(d => d === desired.digest);
    }
    return live.image.digest === desired.digest;
  }
  return live.image.tag === desired.tag;
}

/**
 * Whether the workload's spec asks for what Git declares, whatever its pods run yet: during a
 * rollout the old pods still report the old digest.
 */
export function specsDesiredImage(
  desired: ImageReference,
  live: LiveState,
): boolean {
  if (!live.image || live.image.name !== desired.name) return false;
  if (desired.digest && live.image.digest) {
    return live.image.digest === desired.digest;
  }
  return live.image.tag === desired.tag;
}
