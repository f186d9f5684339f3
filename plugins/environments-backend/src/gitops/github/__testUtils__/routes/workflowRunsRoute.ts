import { workflowRunJson } from '../json/workflowRunJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';

/**
 * `GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs?event=&branch=&per_page=`:
 * newest first.
 */
export const workflowRunsRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
  pattern: /^\/actions\/workflows\/([^/]+)\/runs$/,
  handle({ repo, params, url, urls }) {
    const workflow =
      repo.workflows.get(params[0]) ??
      [...repo.workflows.values()].find(w => String(w.id) === params[0]);
    if (!workflow) return notFound();
    const event = url.searchParams.get('event');
    const branch = url.searchParams.get('branch');
    const perPage = Math.min(
      100,
      Number(url.searchParams.get('per_page') ?? 30),
    );
    const runs = [...repo.runs.values()]
      .filter(r => r.workflowId === workflow.id)
      .filter(() => !event || event === 'workflow_dispatch')
      .filter(r => !branch || r.ref === branch)
      .sort((a, b) => b.id - a.id);
    return {
      status: 200,
      body: {
        total_count: runs.length,
        workflow_runs: runs
          .slice(0, perPage)
          .map(r => workflowRunJson(urls, repo, r)),
      },
    };
  },
};
