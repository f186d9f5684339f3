import type { GithubRepository } from './GithubRepository';

/** Workflow run fields the writer reads. */
export type GithubWorkflowRun = {
  id: number;
  html_url: string;
  display_title: string;
  status: string | null;
  conclusion: string | null;
};

/** Workflow dispatches and runs of a repository. */
export class GithubActionsApi {
  readonly #repo: GithubRepository;

  constructor(repo: GithubRepository) {
    this.#repo = repo;
  }

  /**
   * Dispatches `workflow` on `ref`. GitHub returns the run when it supports
   * `return_run_details`; older servers answer 204 and the run is found later by its title.
   */
  dispatch(input: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
  }): Promise<{ id: number; url: string } | undefined> {
    return this.#repo.call(`dispatch workflow ${input.workflow}`, async () => {
      const response = await this.#repo.client.request(
        'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
        {
          ...this.#repo.params,
          workflow_id: input.workflow,
          ref: input.ref,
          inputs: input.inputs,
          return_run_details: true,
        } as never,
      );
      const data = response.data as
        | { workflow_run_id?: number; html_url?: string }
        | undefined;
      return data?.workflow_run_id
        ? { id: data.workflow_run_id, url: data.html_url ?? '' }
        : undefined;
    });
  }

  /** The newest dispatched runs of `workflow`. */
  runs(workflow: string): Promise<GithubWorkflowRun[]> {
    return this.#repo.call(
      `list runs of workflow ${workflow}`,
      async () =>
        (
          await this.#repo.client.rest.actions.listWorkflowRuns({
            ...this.#repo.params,
            workflow_id: workflow,
            event: 'workflow_dispatch',
            per_page: 50,
          })
        ).data.workflow_runs as GithubWorkflowRun[],
    );
  }

  run(id: number): Promise<GithubWorkflowRun | undefined> {
    return this.#repo.call<GithubWorkflowRun | undefined>(
      `read workflow run ${id}`,
      async () =>
        (
          await this.#repo.client.rest.actions.getWorkflowRun({
            ...this.#repo.params,
            run_id: id,
          })
        ).data as GithubWorkflowRun,
      { 404: () => ({ value: undefined }) },
    );
  }
}
