import type {
  ImageReference,
  LiveState,
} from '@stageline/plugin-environments-common';

/**
 * Whether the cluster runs exactly what Git declares. With a digest in Git the digest decides
 * (the tag is only a label); without one, name and tag must match.
 */
export function runsDesiredImage(
  desired: ImageReference,
  live: LiveState,
): boolean {
  if (!live.image || live.image.name !== desired.name) return false;
  if (desired.digest) {
    if (live.image.digest) return live.image.digest === desired.digest;
    return (
      live.digests.length > 0 && live.digests.every(d => d === desired.digest)
    );
  }
  return live.image.tag === desired.tag;
}
