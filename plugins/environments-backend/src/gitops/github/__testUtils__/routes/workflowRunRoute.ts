import { workflowRunJson } from '../json/workflowRunJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. */
export const workflowRunRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/actions/runs/{run_id}',
  pattern: /^\/actions\/runs\/(\d+)$/,
  handle({ repo, params, urls }) {
    const run = repo.runs.get(Number(params[0]));
    return run
      ? { status: 200, body: workflowRunJson(urls, repo, run) }
      : notFound();
  },
};
