import type { ImageReference } from '@stageline/plugin-environments-common';

/** Two references name the same bits: equal digests when both have one, else equal name and tag. */
export function sameVersion(a: ImageReference, b: ImageReference): boolean {
  if (a.digest && b.digest) return a.digest === b.digest;
  return a.name === b.name && a.tag === b.tag;
}
