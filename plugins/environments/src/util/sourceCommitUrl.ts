import type { ImageReference } from '@stageline/plugin-environments-common';

const SLUG = /^[\w.-]+\/[\w.-]+$/;
const COMMIT_SHA = /^[0-9a-f]{7,40}$/;

/**
 * Link to the source commit a version was built from: by convention its tag is the commit SHA,
 * and the entity's `github.com/project-slug` names the repository.
 */
export function sourceCommitUrl(
  image: ImageReference | undefined,
  projectSlug: string | undefined,
): string | undefined {
  const tag = image?.tag;
  if (!tag || !projectSlug || !SLUG.test(projectSlug)) return undefined;
  if (!COMMIT_SHA.test(tag)) return undefined;
  return `https://github.com/${projectSlug}/commit/${tag}`;
}
