import type { ImageReference } from './ImageReference';

/**
 * Formats an image reference as `name[:tag][@digest]`.
 *
 * @public
 */
export function formatImageReference(ref: ImageReference): string {
  return `${ref.name}${ref.tag ? `:${ref.tag}` : ''}${
    ref.digest ? `@${ref.digest}` : ''
  }`;
}
