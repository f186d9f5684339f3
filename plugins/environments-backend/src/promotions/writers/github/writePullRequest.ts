import { ConflictError, NotFoundError } from '@backstage/errors';
import type { OverlayWriteRequest, OverlayWriteResult } from '../types';
import { editOverlay } from '../editOverlay';
import { hasPromotionTrailer } from '../hasPromotionTrailer';
import { retryOnConflict } from '../retryOnConflict';
import { StaleBaseError } from '../StaleBaseError';
import { withPromotionTrailer } from '../withPromotionTrailer';
import type { WriterTiming } from '../WriterTiming';
import type { GithubPullRequest } from './GithubPullsApi';
import type { GithubWriteApi } from './GithubWriteApi';
import { isGithubPromotionWrite } from './isGithubPromotionWrite';
import { prepareBranch } from './prepareBranch';
import { pullRequestBody } from './pullRequestBody';
import { tryMerge } from './tryMerge';

/**
 * Pull-request mode: branch `request.branch` at the base branch's tip (the expected base), one
 * commit that edits the overlay (with the blob SHA), a pull request, and with `autoMerge` a
 * merge bound to the head SHA; a pull request GitHub cannot merge yet stays open and `status()`
 * tries again. A pull request (or branch commit) carrying the promotion's trailer is reused when
 * its commit is exactly the promotion's edit (see isPromotionWrite).
 */
export async function writePullRequest(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
  options: { base: string; timing: WriterTiming },
): Promise<OverlayWriteResult> {
  return retryOnConflict(() => attempt(api, request, options.base), {
    what: `Branch ${request.branch} or ${request.path} of ${api.displayName}`,
    timing: options.timing,
    onConflict: request.onConflict,
  });
}

async function attempt(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
  base: string,
): Promise<OverlayWriteResult> {
  const previous = await findPromotionPull(api, request);
  if (previous) return result(request, previous, true);
  const baseSha = await api.git.branchSha(base);
  if (!baseSha) {
    throw new NotFoundError(`Branch ${base} not found in ${api.displayName}`);
  }
  const committed = await prepareBranch(api, request, baseSha);
  const commit = committed ?? (await commitOverlay(api, request));
  if (!commit) return { mode: 'pull-request', links: {}, alreadyWritten: true };
  const pull = await openPull(api, request, base);
  // Merged or not, the result is the pull request: status() reports the merge commit.
  if (request.autoMerge) await tryMerge(api, pull);
  return result(request, pull, committed !== undefined);
}

/**
 * The promotion's earlier pull request: its body carries the trailer and its head commit is the
 * promotion's write (the body alone is text anyone with access can write; a pull request whose
 * head is another change is not this promotion's, merged or not).
 */
async function findPromotionPull(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
): Promise<GithubPullRequest | undefined> {
  for (const pull of await api.pulls.ofBranch(request.branch, 'all')) {
    if (
      hasPromotionTrailer(pull.body ?? '', request.promotionId) &&
      (await isGithubPromotionWrite(api, request, pull.head.sha))
    ) {
      return pull;
    }
  }
  return undefined;
}

/** Commits the edit on the branch; undefined when the overlay already declares the image. */
async function commitOverlay(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
): Promise<{ sha: string } | undefined> {
  const file = await api.git.readFile(request.path, request.branch);
  if (!file) {
    throw new NotFoundError(`${request.path} not found in ${api.displayName}`);
  }
  const content = editOverlay(file.content, request);
  if (content === file.content) return undefined;
  const commit = await api.git.putFile({
    path: request.path,
    branch: request.branch,
    blobSha: file.sha,
    content,
    message: withPromotionTrailer(request.commitMessage, request.promotionId),
  });
  if (commit === 'stale') {
    throw new StaleBaseError(`${request.path} changed on ${request.branch}`);
  }
  return commit;
}

async function openPull(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
  base: string,
): Promise<GithubPullRequest> {
  const created = await api.pulls.create({
    branch: request.branch,
    base,
    title: request.title,
    body: pullRequestBody(request),
  });
  if (created !== 'exists') return created;
  const [open] = await api.pulls.ofBranch(request.branch, 'open');
  if (open && hasPromotionTrailer(open.body ?? '', request.promotionId)) {
    return open;
  }
  throw new ConflictError(
    `Branch ${request.branch} of ${api.displayName} got another pull request meanwhile`,
  );
}

function result(
  request: OverlayWriteRequest,
  pull: GithubPullRequest,
  alreadyWritten: boolean,
): OverlayWriteResult {
  return {
    mode: 'pull-request',
    links: {
      pullRequest: { number: pull.number, url: pull.html_url },
      branch: request.branch,
      commit: { sha: pull.head.sha },
    },
    alreadyWritten,
  };
}
