import type { ImageReference } from '@stageline/plugin-environments-common';

const COMMIT_SHA = /^[0-9a-f]{40}$/;

/** Short human form of a version: `tag@sha256:abcdef123456` (tag as short commit SHA). */
export function formatVersion(image: ImageReference): string {
  let tag = image.tag;
  if (tag && COMMIT_SHA.test(tag)) tag = tag.slice(0, 7);
  const digest = image.digest
    ? image.digest.slice(0, 'sha256:'.length + 12)
    : undefined;
  return [tag, digest].filter(Boolean).join('@') || image.name;
}
