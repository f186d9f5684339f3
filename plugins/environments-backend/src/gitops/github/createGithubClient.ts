import { InputError } from '@backstage/errors';
import type {
  GithubCredentialsProvider,
  GithubIntegrationConfig,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import { GithubRequestHook } from './GithubRequestHook';

const QUIET = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * An Octokit client for one GitHub host that
 * - authenticates every request with the integration's credentials (token or GitHub App),
 * - serves repeated GETs from its cache (see ResponseCache) for `cacheTtlMs` (default 30 s),
 *   then revalidates with ETags, because GitHub does not count 304 answers against the limit,
 * - fails fast while GitHub rate-limits (page reads are never retried), and
 * - turns failures into `@backstage/errors` errors with messages of our own.
 */
export function createGithubClient(options: {
  integration: GithubIntegrationConfig;
  credentialsProvider: GithubCredentialsProvider;
  cacheTtlMs?: number;
  maxCacheEntries?: number;
}): Octokit {
  const { integration } = options;
  if (!integration.apiBaseUrl) {
    throw new InputError(
      `The GitHub integration for ${integration.host} has no apiBaseUrl`,
    );
  }
  const octokit = new Octokit({ baseUrl: integration.apiBaseUrl, log: QUIET });
  const hook = new GithubRequestHook({
    integration,
    credentialsProvider: options.credentialsProvider,
    endpoint: octokit.request.endpoint,
    cacheTtlMs: options.cacheTtlMs ?? 30_000,
    maxCacheEntries: options.maxCacheEntries,
  });
  octokit.hook.wrap('request', hook.wrap);
  return octokit;
}
