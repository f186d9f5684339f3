import { InputError, ServiceUnavailableError } from '@backstage/errors';
import type {
  GithubCredentialsProvider,
  GithubIntegrationConfig,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';

const QUIET = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * An Octokit client for writes on one GitHub host. Unlike the read client (createGithubClient)
 * it has no response cache (a write must read the current blob SHA, not a cached one) and keeps
 * Octokit's errors, so the writer sees 409, 422 and rate-limit headers; GithubWriteApi maps them.
 * Credentials come from the integration (token or GitHub App) per request.
 */
export function createGithubWriteClient(options: {
  integration: GithubIntegrationConfig;
  credentialsProvider: GithubCredentialsProvider;
}): Octokit {
  const { integration, credentialsProvider } = options;
  if (!integration.apiBaseUrl) {
    throw new InputError(
      `The GitHub integration for ${integration.host} has no apiBaseUrl`,
    );
  }
  const octokit = new Octokit({ baseUrl: integration.apiBaseUrl, log: QUIET });
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const owner = requestOptions.owner as string | undefined;
    const repo = requestOptions.repo as string | undefined;
    const path = [owner, repo].filter(Boolean).join('/');
    let token: string | undefined;
    try {
      ({ token } = await credentialsProvider.getCredentials({
        url: `https://${integration.host}/${path}`,
      }));
    } catch {
      throw new ServiceUnavailableError(
        `Could not get GitHub credentials for ${
          owner ?? integration.host
        }; check the GitHub integration (token or App installation)`,
      );
    }
    // Mutated in place: Octokit binds these options into its other hooks.
    if (token) requestOptions.headers.authorization = `Bearer ${token}`;
    return request(requestOptions);
  });
  return octokit;
}
