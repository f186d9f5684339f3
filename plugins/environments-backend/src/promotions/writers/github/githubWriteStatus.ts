import type { PromotionLinks } from '@stageline/plugin-environments-common';
import type { WriteStatus, WrittenChange } from '../types';
import { findPromotionRun } from './findPromotionRun';
import type { GithubWorkflowRun } from './GithubActionsApi';
import type { GithubWriteApi } from './GithubWriteApi';
import { tryMerge } from './tryMerge';
import { workflowFileOf } from './workflowFileOf';

/**
 * Whether a write has landed. A commit is on its branch once written; a write that found the
 * overlay already declaring the image has no links and counts as merged. A pull request is
 * merged, closed or open (merged here first when the promotion's record asks for auto-merge:
 * never because of text in the pull request, which people can edit); a workflow run is merged
 * when it succeeded, closed when cancelled, failed otherwise once completed.
 */
export async function githubWriteStatus(
  api: GithubWriteApi,
  written: WrittenChange,
): Promise<WriteStatus> {
  const { links } = written;
  if (written.mode === 'workflow-dispatch') {
    return runStatus(await findRun(api, written.promotionId, links));
  }
  if (written.mode === 'pull-request' && links.pullRequest) {
    return pullStatus(
      api,
      links.pullRequest.number,
      written.autoMerge === true,
    );
  }
  return { state: 'merged', commitSha: links.commit?.sha };
}

async function pullStatus(
  api: GithubWriteApi,
  number: number,
  autoMerge: boolean,
): Promise<WriteStatus> {
  const pull = await api.pulls.get(number);
  if (!pull) {
    return { state: 'failed', reason: `Pull request #${number} not found` };
  }
  if (pull.merged_at) {
    return { state: 'merged', commitSha: pull.merge_commit_sha ?? undefined };
  }
  if (pull.state !== 'open') return { state: 'closed' };
  const merged = autoMerge ? await tryMerge(api, pull) : undefined;
  return merged ? { state: 'merged', commitSha: merged } : { state: 'pending' };
}

async function findRun(
  api: GithubWriteApi,
  promotionId: string,
  links: PromotionLinks,
): Promise<GithubWorkflowRun | undefined> {
  const id = links.workflowRun?.id;
  if (id !== undefined) return api.actions.run(id);
  const file = workflowFileOf(links.workflowRun?.url);
  return file ? findPromotionRun(api, file, promotionId) : undefined;
}

function runStatus(run: GithubWorkflowRun | undefined): WriteStatus {
  if (!run || run.status !== 'completed') return { state: 'pending' };
  if (run.conclusion === 'success') return { state: 'merged' };
  if (run.conclusion === 'cancelled') return { state: 'closed' };
  return {
    state: 'failed',
    reason: `Workflow run ${run.html_url} ended: ${
      run.conclusion ?? 'unknown'
    }`,
  };
}
