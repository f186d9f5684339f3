import { InputError } from '@backstage/errors';
import type { OverlayWriteRequest } from '../types';
import { hasPromotionTrailer } from '../hasPromotionTrailer';
import { changesOnlyTheOverlay, isPromotionWrite } from '../isPromotionWrite';
import type { GithubWriteApi } from './GithubWriteApi';

/**
 * Whether commit `sha` of the GitHub repository is the promotion's write: it carries the
 * trailer and passes isPromotionWrite. The two overlay reads are spent only on a commit whose
 * metadata already fits.
 */
export async function isGithubPromotionWrite(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
  sha: string,
): Promise<boolean> {
  const commit = await api.git.commitChanges(sha);
  if (!commit || !hasPromotionTrailer(commit.message, request.promotionId)) {
    return false;
  }
  if (!changesOnlyTheOverlay(request, commit)) return false;
  const [overlayAtParent, overlayAtCommit] = await Promise.all([
    readOverlay(api, request.path, commit.parents[0]),
    readOverlay(api, request.path, commit.sha),
  ]);
  return isPromotionWrite(request, {
    ...commit,
    overlayAtParent,
    overlayAtCommit,
  });
}

/** The overlay's content at `ref`; undefined when absent or not a regular file. */
async function readOverlay(
  api: GithubWriteApi,
  path: string,
  ref: string,
): Promise<string | undefined> {
  try {
    return (await api.git.readFile(path, ref))?.content;
  } catch (error) {
    // readFile refuses a symlink or folder: such a commit was not Stageline's edit.
    if (error instanceof InputError) return undefined;
    throw error;
  }
}
