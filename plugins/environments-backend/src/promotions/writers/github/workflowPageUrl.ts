import type { GithubWriteApi } from './GithubWriteApi';

/** The web page of a workflow: the link of a dispatch whose run is not known yet. */
export function workflowPageUrl(api: GithubWriteApi, file: string): string {
  return `${api.webUrl}/actions/workflows/${file}`;
}
