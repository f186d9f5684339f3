import type { OverlayWriteRequest } from '../types';
import { hasPromotionTrailer } from '../hasPromotionTrailer';
import type { GithubWriteApi } from './GithubWriteApi';
import { isGithubPromotionWrite } from './isGithubPromotionWrite';

/**
 * The newest of `commits` that is the promotion's write (see isGithubPromotionWrite). Only
 * commits whose message carries the trailer are checked, so a search costs GitHub calls only
 * for candidates.
 */
export async function findPromotionCommit<
  T extends { sha: string; message: string },
>(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
  commits: T[],
): Promise<T | undefined> {
  for (const commit of commits) {
    if (
      hasPromotionTrailer(commit.message, request.promotionId) &&
      (await isGithubPromotionWrite(api, request, commit.sha))
    ) {
      return commit;
    }
  }
  return undefined;
}
