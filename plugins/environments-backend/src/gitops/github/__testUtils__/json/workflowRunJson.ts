import { gitTree } from '../gitTree';
import type { ModelRepo, ModelWorkflowRun } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';
import { repositoryJson } from './repositoryJson';
import { simpleUserJson } from './simpleUserJson';

/** A `workflow-run` object as GitHub returns it. */
export function workflowRunJson(
  urls: GithubUrls,
  repo: ModelRepo,
  run: ModelWorkflowRun,
) {
  const api = urls.repoApi(repo.fullName);
  const web = urls.repoWeb(repo.fullName);
  const self = `${api}/actions/runs/${run.id}`;
  const workflow = [...repo.workflows.values()].find(
    w => w.id === run.workflowId,
  )!;
  const commit = repo.commits.get(run.headSha);
  const person = commit && {
    name: commit.author.name,
    email: commit.author.email,
  };
  const repository = repositoryJson(urls, repo);
  return {
    id: run.id,
    name: workflow.name,
    node_id: Buffer.from(`011:WorkflowRun${run.id}`).toString('base64'),
    head_branch: run.ref,
    head_sha: run.headSha,
    path: `.github/workflows/${workflow.file}`,
    display_title: run.displayTitle,
    run_number: run.id,
    run_attempt: 1,
    event: 'workflow_dispatch',
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.id + 1,
    url: self,
    html_url: `${web}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
    actor: simpleUserJson(urls, run.actor),
    triggering_actor: simpleUserJson(urls, run.actor),
    jobs_url: `${self}/jobs`,
    logs_url: `${self}/logs`,
    check_suite_url: `${api}/check-suites/${run.id + 1}`,
    artifacts_url: `${self}/artifacts`,
    cancel_url: `${self}/cancel`,
    rerun_url: `${self}/rerun`,
    workflow_url: `${api}/actions/workflows/${run.workflowId}`,
    head_commit: commit
      ? {
          id: commit.sha,
          tree_id: gitTree(commit.files).sha,
          message: commit.message,
          timestamp: commit.date,
          author: person,
          committer: person,
        }
      : null,
    repository,
    head_repository: repository,
  };
}
