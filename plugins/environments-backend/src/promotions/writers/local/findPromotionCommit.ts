import type { OverlayWriteRequest } from '../types';
import { hasPromotionTrailer } from '../hasPromotionTrailer';
import { changesOnlyTheOverlay, isPromotionWrite } from '../isPromotionWrite';
import type { CloneObjects } from './CloneObjects';

const TRAILER_SEARCH_DEPTH = 50;

/**
 * The newest recent commit on `branch` that is the promotion's write: the trailer and exactly
 * its edit (see isPromotionWrite). A commit with the trailer but another change is ignored.
 */
export async function findPromotionCommit(
  objects: CloneObjects,
  branch: string,
  request: OverlayWriteRequest,
): Promise<string | undefined> {
  const candidates = (
    await objects.recentCommits(branch, TRAILER_SEARCH_DEPTH)
  ).filter(({ message }) => hasPromotionTrailer(message, request.promotionId));
  for (const { sha } of candidates) {
    if (await isLocalPromotionWrite(objects, sha, request)) return sha;
  }
  return undefined;
}

async function isLocalPromotionWrite(
  objects: CloneObjects,
  sha: string,
  request: OverlayWriteRequest,
): Promise<boolean> {
  const commit = await objects.changes(sha);
  if (!changesOnlyTheOverlay(request, commit)) return false;
  return isPromotionWrite(request, {
    ...commit,
    overlayAtParent: await objects.regularFile(commit.parents[0], request.path),
    overlayAtCommit: await objects.regularFile(sha, request.path),
  });
}
