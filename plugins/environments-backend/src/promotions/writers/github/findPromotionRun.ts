import type { GithubWorkflowRun } from './GithubActionsApi';
import type { GithubWriteApi } from './GithubWriteApi';

/**
 * The dispatched run of `workflow` for a promotion: the newest whose title (the workflow's
 * `run-name`) contains the promotion id. Runs are listed newest first, 50 at most.
 */
export async function findPromotionRun(
  api: GithubWriteApi,
  workflow: string,
  promotionId: string,
): Promise<GithubWorkflowRun | undefined> {
  const runs = await api.actions.runs(workflow);
  return runs.find(run => run.display_title.includes(promotionId));
}
