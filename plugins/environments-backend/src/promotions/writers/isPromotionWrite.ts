import { KustomizationError } from '@stageline/plugin-environments-common';
import type { OverlayWriteRequest } from './types';
import { editOverlay } from './editOverlay';

/** What a commit holds, as far as deciding whether it is a promotion's write. */
export type CandidateCommit = {
  /** The commit's parent SHAs. */
  parents: string[];
  /** Every path the commit changes (for a rename, both names). */
  changedPaths: string[];
  /** The overlay's content at the commit's parent; undefined when absent or not a regular file. */
  overlayAtParent: string | undefined;
  /** The overlay's content at the commit; undefined when absent or not a regular file. */
  overlayAtCommit: string | undefined;
};

/**
 * Whether a commit that carries the promotion's trailer is that promotion's write: one parent,
 * only the overlay changed, and the change is exactly the promoted images entry. The trailer
 * alone proves nothing (anyone who can push can write it), so a commit that fails this is
 * ignored and the writer writes the real change.
 */
export function isPromotionWrite(
  request: Pick<OverlayWriteRequest, 'path' | 'imageName' | 'image'>,
  commit: CandidateCommit,
): boolean {
  const { overlayAtParent, overlayAtCommit } = commit;
  if (!changesOnlyTheOverlay(request, commit)) return false;
  if (overlayAtParent === undefined || overlayAtCommit === undefined) {
    return false;
  }
  try {
    return editOverlay(overlayAtParent, request) === overlayAtCommit;
  } catch (error) {
    // An overlay Stageline cannot edit was not edited by Stageline.
    if (error instanceof KustomizationError) return false;
    throw error;
  }
}

/**
 * The first half of isPromotionWrite, on what a commit's metadata tells: one parent and only the
 * overlay changed. Callers check it before spending reads on the two contents.
 */
export function changesOnlyTheOverlay(
  request: Pick<OverlayWriteRequest, 'path'>,
  commit: Pick<CandidateCommit, 'parents' | 'changedPaths'>,
): boolean {
  return (
    commit.parents.length === 1 &&
    commit.changedPaths.length === 1 &&
    commit.changedPaths[0] === request.path
  );
}
