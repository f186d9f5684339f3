import { InputError } from '@backstage/errors';
import type { VersionDiffResponse } from '@stageline/plugin-environments-common';
import { parseImageReference } from '@stageline/plugin-environments-common';
import type { GitRepository } from '../gitops/types';

const COMMITISH = /^[0-9a-f]{7,40}$/;

/**
 * Commits between two versions. A version is an image reference whose tag is the source commit
 * SHA it was built from (as CI tags every image), or that commit SHA alone.
 */
export async function readVersionDiff(
  repo: GitRepository,
  versions: { from: string; to: string },
): Promise<VersionDiffResponse> {
  const from = sourceCommitOf('from', versions.from);
  const to = sourceCommitOf('to', versions.to);
  const comparison = await repo.compare(from, to);
  return {
    repository: repo.displayName,
    from,
    to,
    commits: comparison.commits,
    truncated: comparison.truncated,
    url: comparison.url,
  };
}

function sourceCommitOf(field: string, version: string): string {
  if (COMMITISH.test(version)) return version;
  let tag: string | undefined;
  try {
    tag = parseImageReference(version).tag;
  } catch (error) {
    throw new InputError(
      `'${field}' is not a version: ${(error as Error).message}`,
    );
  }
  if (!tag || !COMMITISH.test(tag)) {
    throw new InputError(
      `'${field}' must be a commit SHA or an image whose tag is a commit SHA, got '${version}'`,
    );
  }
  return tag;
}
