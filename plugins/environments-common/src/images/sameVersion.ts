import type { ImageReference } from './ImageReference';

/**
 * Whether two image references name the same version: equal digests when both have one, else
 * equal name and tag. The one rule for "already declared", "already promoted" and rollbacks.
 *
 * @public
 */
export function sameVersion(a: ImageReference, b: ImageReference): boolean {
  if (a.digest && b.digest) return a.digest === b.digest;
  return a.name === b.name && a.tag === b.tag;
}

/**
 * Whether two image references are written the same: name, tag and digest all equal. What a
 * person was shown is compared this way, not by what runs the same bits.
 *
 * @public
 */
export function sameImageReference(
  a: ImageReference,
  b: ImageReference,
): boolean {
  return a.name === b.name && a.tag === b.tag && a.digest === b.digest;
}
