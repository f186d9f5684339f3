import { ConflictError } from '@backstage/errors';
import type { OverlayWriteRequest } from '../types';
import { StaleBaseError } from '../StaleBaseError';
import { findPromotionCommit } from './findPromotionCommit';
import type { GithubWriteApi } from './GithubWriteApi';

const TRAILER_SEARCH_DEPTH = 10;

/**
 * Makes `request.branch` start at `baseSha`: creates it, or resets a leftover one, but never
 * one an open pull request uses (another promotion's). Returns the promotion's own commit when
 * a previous attempt already committed on the branch (then the branch is left as it is); a
 * commit with the trailer but another change is not its own (see isPromotionWrite).
 */
export async function prepareBranch(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
  baseSha: string,
): Promise<{ sha: string; url: string } | undefined> {
  const { branch } = request;
  const tip = await api.git.branchSha(branch);
  if (!tip) {
    if (!(await api.git.createBranch(branch, baseSha))) {
      throw new StaleBaseError(`branch ${branch} appeared meanwhile`);
    }
    return undefined;
  }
  const own = await findPromotionCommit(
    api,
    request,
    await api.git.recentCommits(branch, { count: TRAILER_SEARCH_DEPTH }),
  );
  if (own) return { sha: own.sha, url: own.url };
  const [open] = await api.pulls.ofBranch(branch, 'open');
  if (open) {
    throw new ConflictError(
      `Branch ${branch} of ${api.displayName} is used by open pull request #${open.number} of another change; merge or close it first`,
    );
  }
  if (tip !== baseSha) await api.git.resetBranch(branch, baseSha);
  return undefined;
}
