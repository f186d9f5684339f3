import { NotFoundError } from '@backstage/errors';
import type { OverlayWriteRequest, OverlayWriteResult } from '../types';
import { editOverlay } from '../editOverlay';
import { retryOnConflict } from '../retryOnConflict';
import { StaleBaseError } from '../StaleBaseError';
import { withPromotionTrailer } from '../withPromotionTrailer';
import type { WriterTiming } from '../WriterTiming';
import { findPromotionCommit } from './findPromotionCommit';
import type { GithubWriteApi } from './GithubWriteApi';

// A retried promotion finds its commit among the overlay's latest changes.
const TRAILER_SEARCH_DEPTH = 20;

/**
 * Commit mode: one commit on the base branch through the Contents API, carrying the blob SHA
 * read as the expected base. A stale SHA (GitHub's 409) re-reads and retries (see
 * retryOnConflict). A commit that is the promotion's write (its trailer and exactly its edit, see
 * isPromotionWrite) is not repeated.
 */
export async function writeDirectCommit(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
  options: { base: string; timing: WriterTiming },
): Promise<OverlayWriteResult> {
  const { base } = options;
  const message = withPromotionTrailer(
    request.commitMessage,
    request.promotionId,
  );
  return retryOnConflict(
    async () => {
      const previous = await findPromotionCommit(
        api,
        request,
        await api.git.recentCommits(base, {
          path: request.path,
          count: TRAILER_SEARCH_DEPTH,
        }),
      );
      if (previous) {
        return done({ sha: previous.sha, url: previous.url }, true);
      }
      const file = await api.git.readFile(request.path, base);
      if (!file) {
        throw new NotFoundError(
          `${request.path} not found on ${base} of ${api.displayName}`,
        );
      }
      const content = editOverlay(file.content, request);
      // The overlay already declares exactly this image: nothing to commit.
      if (content === file.content) return noChange();
      const commit = await api.git.putFile({
        path: request.path,
        branch: base,
        blobSha: file.sha,
        content,
        message,
      });
      if (commit === 'stale') {
        throw new StaleBaseError(`${request.path} changed on ${base}`);
      }
      return done(commit, false);
    },
    {
      what: `${request.path} on ${base} of ${api.displayName}`,
      timing: options.timing,
      onConflict: request.onConflict,
    },
  );
}

function done(
  commit: { sha: string; url: string },
  alreadyWritten: boolean,
): OverlayWriteResult {
  return { mode: 'commit', links: { commit }, alreadyWritten };
}

function noChange(): OverlayWriteResult {
  return { mode: 'commit', links: {}, alreadyWritten: true };
}
