import type { GithubPullRequest } from './GithubPullsApi';
import type { GithubWriteApi } from './GithubWriteApi';

/**
 * Merges an open pull request at its current head; the merge commit's SHA, or undefined when
 * GitHub cannot merge it yet or the attempt failed: the pull request stays open and reported,
 * and `status()` tries again.
 */
export async function tryMerge(
  api: GithubWriteApi,
  pull: GithubPullRequest,
): Promise<string | undefined> {
  try {
    const merged = await api.pulls.merge(pull.number, pull.head.sha);
    return merged === 'not-mergeable' ? undefined : merged.sha;
  } catch {
    return undefined;
  }
}
