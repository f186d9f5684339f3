import type { ImageReference } from './ImageReference';

/**
 * `abc1234@sha256:0123456789ab`: a commit-SHA tag shortened to 7, the digest to 12 hex: how the UI and
 * sync reasons name a version.
 *
 * @public
 */
export function shortVersion(image: ImageReference): string {
  const tag =
    image.tag && /^[0-9a-f]{40}$/.test(image.tag)
      ? image.tag.slice(0, 7)
      : image.tag;
  const digest = image.digest?.slice(0, 'sha256:'.length + 12);
  return [tag, digest].filter(Boolean).join('@') || image.name;
}
