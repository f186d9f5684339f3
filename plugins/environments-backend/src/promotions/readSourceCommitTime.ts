import type { ImageReference } from '@stageline/plugin-environments-common';
import type { GitRepository } from '../gitops/types';

const COMMIT_SHA = /^[0-9a-f]{7,40}$/;

/**
 * When the source commit a version was built from was made (ISO 8601), for the lead time of
 * the promotion that moves it: the version's tag is that commit (as CI tags every image), found
 * among the commits between what the target declares and the version (a comparison the tab's
 * diff usually holds already). Undefined when either tag is not a commit SHA, the repository
 * is unknown or cannot be read, or the commit has no date: lead time then skips the promotion
 * rather than failing the request.
 */
export async function readSourceCommitTime(
  source: GitRepository | undefined,
  version: ImageReference,
  targetVersion: ImageReference | undefined,
): Promise<string | undefined> {
  const to = version.tag;
  const from = targetVersion?.tag;
  if (
    !source ||
    !to ||
    !from ||
    !COMMIT_SHA.test(to) ||
    !COMMIT_SHA.test(from)
  ) {
    return undefined;
  }
  try {
    const { commits } = await source.compare(from, to);
    const commit = commits.find(
      c => c.sha.startsWith(to) || to.startsWith(c.sha),
    );
    if (!commit?.date) return undefined;
    const at = new Date(commit.date);
    return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
  } catch {
    return undefined;
  }
}
