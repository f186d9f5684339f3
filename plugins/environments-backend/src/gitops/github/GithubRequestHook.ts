import { ServiceUnavailableError } from '@backstage/errors';
import type {
  GithubCredentialsProvider,
  GithubIntegrationConfig,
} from '@backstage/integration';
import type { Octokit } from '@octokit/rest';
import { isHttpError } from './isHttpError';
import { rateLimitedUntil } from './rateLimitedUntil';
import { rateLimitError } from './rateLimitError';

type Response = Awaited<ReturnType<Octokit['request']>>;
type Options = Required<Octokit['request']['endpoint']['DEFAULTS']>;
type Send = (options: Options) => Response | Promise<Response>;

/**
 * Request header (never sent) that makes a read conditional: its value is the ETag to send as
 * `If-None-Match`, or empty. A 304 answer resolves with `status: 304` and no data, so callers
 * that keep answers themselves (snapshots, head checks) pay nothing for an unchanged one.
 */
export const DIRECT_READ_HEADER = 'x-stageline-direct-read';

/**
 * The outermost Octokit `request` hook of createGithubClient: credentials per request,
 * conditional reads, no blind repeats of writes, and no requests at all while GitHub
 * rate-limits the token (until its reset), so a limited token is not spent further.
 */
export class GithubRequestHook {
  readonly #integration: GithubIntegrationConfig;
  readonly #credentialsProvider: GithubCredentialsProvider;
  // Rate limits apply per token, and a GitHub App has one installation token per owner.
  readonly #blockedUntil = new Map<string, number>();

  constructor(options: {
    integration: GithubIntegrationConfig;
    credentialsProvider: GithubCredentialsProvider;
  }) {
    this.#integration = options.integration;
    this.#credentialsProvider = options.credentialsProvider;
  }

  /** The hook itself, for `octokit.hook.wrap('request', hook.wrap)`. */
  readonly wrap = async (
    request: Send,
    options: Options,
  ): Promise<Response> => {
    const { method } = options;
    const { owner, repo } = repositoryOf(options);
    const limiter = owner?.toLowerCase() ?? '';
    const now = Date.now();
    const until = this.#blockedUntil.get(limiter) ?? 0;
    if (until > now) throw rateLimitError(until, now);
    // Mutated in place: Octokit binds these options into its other request hooks, so a copy
    // passed to `request` would not reach the wire.
    Object.assign(options.headers, await this.#authorization(owner, repo));
    const etag = options.headers[DIRECT_READ_HEADER];
    delete options.headers[DIRECT_READ_HEADER];
    if (etag) options.headers['if-none-match'] = String(etag);
    if (method !== 'GET' && method !== 'HEAD') {
      options.request = { ...options.request, retries: 0 };
    }
    try {
      return await request(options);
    } catch (error) {
      if (isHttpError(error) && error.status === 304) {
        return {
          status: 304,
          url: options.url,
          headers: {},
          data: undefined,
        } as never;
      }
      const limitedUntil = isHttpError(error)
        ? rateLimitedUntil(error, Date.now())
        : undefined;
      if (limitedUntil) this.#blockedUntil.set(limiter, limitedUntil);
      throw error;
    }
  };

  // Fetched per request: the provider caches tokens and renews GitHub App installation tokens.
  async #authorization(owner?: string, repo?: string) {
    const path = [owner, repo].filter(Boolean).join('/');
    try {
      const { token } = await this.#credentialsProvider.getCredentials({
        url: `https://${this.#integration.host}/${path}`,
      });
      return token ? { authorization: `Bearer ${token}` } : {};
    } catch {
      throw new ServiceUnavailableError(
        `Could not get GitHub credentials for ${
          owner ?? this.#integration.host
        }; check the GitHub integration (token or App installation)`,
      );
    }
  }
}

function repositoryOf(options: Options) {
  return {
    owner: typeof options.owner === 'string' ? options.owner : undefined,
    repo: typeof options.repo === 'string' ? options.repo : undefined,
  };
}
