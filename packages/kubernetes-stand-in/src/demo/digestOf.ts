import { createHash } from 'node:crypto';
import type { ImageReference } from '@stageline/plugin-environments-common';

/**
 * The digest pods of `image` report: the overlay's pinned digest, else a stable made-up one
 * derived from name and tag (what a registry would resolve the tag to, in this demo).
 */
export function digestOf(image: ImageReference): string {
  if (image.digest) return image.digest;
  const hash = createHash('sha256')
    .update(`${image.name}:${image.tag ?? 'latest'}`)
    .digest('hex');
  return `sha256:${hash}`;
}
