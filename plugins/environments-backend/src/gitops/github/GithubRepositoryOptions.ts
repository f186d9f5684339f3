import type { GithubClient } from './createGithubClient';

/** One GitHub repository and the host's shared client (see createGithubClient) that reaches it. */
export type GithubRepositoryOptions = {
  client: GithubClient;
  /** Web host of the integration, e.g. `github.com`. */
  host: string;
  owner: string;
  repo: string;
};

/** How the UI names a GitHub repository (`owner/repo`) and where its web pages are. */
export function githubRepositoryNames(
  options: Pick<GithubRepositoryOptions, 'host' | 'owner' | 'repo'>,
): { displayName: string; webUrl: string } {
  const displayName = `${options.owner}/${options.repo}`;
  return { displayName, webUrl: `https://${options.host}/${displayName}` };
}
