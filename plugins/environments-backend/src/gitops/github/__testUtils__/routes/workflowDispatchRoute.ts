import { notFound } from '../notFound';
import { readJson } from '../readJson';
import type { StandInRoute } from '../StandInRoute';
import { validationFailed } from '../validationFailed';

/**
 * `POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches` `{ ref, inputs,
 * return_run_details }`: starts a run; 204, or 200 with the run's id when asked for details.
 */
export const workflowDispatchRoute: StandInRoute = {
  method: 'POST',
  openapiPath:
    '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
  pattern: /^\/actions\/workflows\/([^/]+)\/dispatches$/,
  async handle({ model, repo, params, request, urls }) {
    const workflow =
      repo.workflows.get(params[0]) ??
      [...repo.workflows.values()].find(w => String(w.id) === params[0]);
    if (!workflow) return notFound();
    const body = await readJson(request);
    const ref = typeof body.ref === 'string' ? body.ref : '';
    if (!repo.branches.has(ref)) {
      return validationFailed(`No ref found for: ${ref}`);
    }
    const inputs = (body.inputs ?? {}) as Record<string, string>;
    const unexpected = Object.keys(inputs).filter(
      name => !workflow.inputs.includes(name),
    );
    if (unexpected.length > 0) {
      return validationFailed(
        `Unexpected inputs provided: ${JSON.stringify(unexpected)}`,
      );
    }
    const run = model.dispatchWorkflow(repo.fullName, workflow, {
      ref,
      inputs,
    });
    if (body.return_run_details !== true) return { status: 204 };
    return {
      status: 200,
      body: {
        workflow_run_id: run.id,
        run_url: `${urls.repoApi(repo.fullName)}/actions/runs/${run.id}`,
        html_url: `${urls.repoWeb(repo.fullName)}/actions/runs/${run.id}`,
      },
    };
  },
};
