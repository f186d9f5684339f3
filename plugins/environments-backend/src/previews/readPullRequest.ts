import type { PullRequestSummary } from '../gitops/types';
import { errorMessage } from '../errors/errorMessage';
import type { EntityContext } from '../catalog/EntityContext';
import type { PullRequestResolver } from './types';

/** A preview's pull request, or why it could not be read (never thrown: GitHub may be down). */
export async function readPullRequest(
  getPullRequest: PullRequestResolver,
  ctx: EntityContext,
  number: number,
): Promise<{ pullRequest?: PullRequestSummary; pullRequestError?: string }> {
  try {
    return { pullRequest: await getPullRequest(ctx, number) };
  } catch (error) {
    return { pullRequestError: errorMessage(error) };
  }
}
