import { InputError } from '@backstage/errors';
import { assertSafeRef } from '../../../gitops/assertSafeRef';
import type { OverlayWriteRequest, OverlayWriteResult } from '../types';
import { findPromotionRun } from './findPromotionRun';
import type { GithubWriteApi } from './GithubWriteApi';
import { workflowPageUrl } from './workflowPageUrl';

const WORKFLOW_FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]*\.ya?ml$/;

/**
 * workflow-dispatch mode: dispatches the configured workflow with the inputs `environment`,
 * `image` (`name:tag`), `digest` and `promotion_id`. Nothing is written to Git here: the
 * workflow deploys. A run of the same promotion is found by its title (the workflow's
 * `run-name` must contain `${{ inputs.promotion_id }}`) and not dispatched again.
 *
 * When GitHub does not return the run (servers without `return_run_details`) and the run is
 * not listed yet, the link is the workflow's page; `status()` finds the run by title later.
 */
export async function dispatchWorkflow(
  api: GithubWriteApi,
  request: OverlayWriteRequest,
): Promise<OverlayWriteResult> {
  const workflow = checkedWorkflow(request);
  const previous = await findPromotionRun(
    api,
    workflow.file,
    request.promotionId,
  );
  if (previous) {
    return result({ id: previous.id, url: previous.html_url }, true);
  }
  const run = await api.actions.dispatch({
    workflow: workflow.file,
    ref: workflow.ref,
    inputs: {
      environment: request.environment,
      image: `${request.image.name}:${request.image.tag ?? ''}`,
      digest: request.image.digest ?? '',
      promotion_id: request.promotionId,
    },
  });
  const found =
    run ??
    (await findPromotionRun(api, workflow.file, request.promotionId).then(r =>
      r ? { id: r.id, url: r.html_url } : undefined,
    ));
  return result(found ?? { url: workflowPageUrl(api, workflow.file) }, false);
}

function checkedWorkflow(request: OverlayWriteRequest) {
  const { workflow } = request;
  if (!workflow) {
    throw new InputError(
      `workflow-dispatch mode for ${request.environment} needs a workflow (file and ref) in the environment's execution config`,
    );
  }
  if (!WORKFLOW_FILE.test(workflow.file)) {
    throw new InputError(
      `Invalid workflow file '${workflow.file}': give the file name in .github/workflows, e.g. deploy.yml`,
    );
  }
  if (!request.image.tag || !request.image.digest) {
    throw new InputError(
      `workflow-dispatch needs the image's tag and digest; ${request.image.name} lacks one`,
    );
  }
  assertSafeRef(workflow.ref, { what: 'workflow ref' });
  return workflow;
}

function result(
  workflowRun: { id?: number; url: string },
  alreadyWritten: boolean,
): OverlayWriteResult {
  return { mode: 'workflow-dispatch', links: { workflowRun }, alreadyWritten };
}
