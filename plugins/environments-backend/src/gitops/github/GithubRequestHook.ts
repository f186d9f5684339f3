import { ServiceUnavailableError } from '@backstage/errors';
import type {
  GithubCredentialsProvider,
  GithubIntegrationConfig,
} from '@backstage/integration';
import type { Octokit } from '@octokit/rest';
import { isHttpError } from './isHttpError';
import { rateLimitedUntil } from './rateLimitedUntil';
import { rateLimitError } from './rateLimitError';
import { ConditionalResult, ResponseCache } from './ResponseCache';
import { toGithubError } from './toGithubError';

type Response = Awaited<ReturnType<Octokit['request']>>;
type Options = Required<Octokit['request']['endpoint']['DEFAULTS']>;
type Send = (options: Options) => Response | Promise<Response>;

/**
 * Request header (never sent) by which a caller reads past the response cache: for answers it
 * keeps itself (snapshots keyed by SHA, head checks). Its value is the ETag to send as
 * `If-None-Match`, or empty; a 304 answer resolves with `status: 304` and no data.
 */
export const DIRECT_READ_HEADER = 'x-stageline-direct-read';

/**
 * The Octokit `request` hook behind createGithubClient: credentials per request, a response
 * cache with ETag revalidation for GETs, fail-fast while rate limited, and error mapping.
 */
export class GithubRequestHook {
  readonly #integration: GithubIntegrationConfig;
  readonly #credentialsProvider: GithubCredentialsProvider;
  readonly #cache: ResponseCache<Response>;
  readonly #endpoint: Octokit['request']['endpoint'];
  // Rate limits apply per token, and a GitHub App has one installation token per owner.
  readonly #blockedUntil = new Map<string, number>();

  constructor(options: {
    integration: GithubIntegrationConfig;
    credentialsProvider: GithubCredentialsProvider;
    endpoint: Octokit['request']['endpoint'];
    cacheTtlMs: number;
    maxCacheEntries?: number;
  }) {
    this.#integration = options.integration;
    this.#credentialsProvider = options.credentialsProvider;
    this.#endpoint = options.endpoint;
    this.#cache = new ResponseCache({
      ttlMs: options.cacheTtlMs,
      maxEntries: options.maxCacheEntries,
    });
  }

  /** The hook itself, for `octokit.hook.wrap('request', hook.wrap)`. */
  readonly wrap = async (
    request: Send,
    options: Options,
  ): Promise<Response> => {
    const { method, url, headers } = this.#endpoint.parse(options);
    const send = (etag?: string) => this.#send(request, options, etag);
    const direct = options.headers[DIRECT_READ_HEADER];
    if (direct !== undefined) {
      delete options.headers[DIRECT_READ_HEADER];
      const result = await send(String(direct) || undefined);
      return result.notModified
        ? ({ status: 304, url, headers: {}, data: undefined } as never)
        : result.value;
    }
    if (method !== 'GET') {
      return ((await send()) as { value: Response }).value;
    }
    return this.#cache.get(`${url} ${headers.accept}`, send);
  };

  async #send(
    request: Send,
    options: Options,
    etag?: string,
  ): Promise<ConditionalResult<Response>> {
    const now = Date.now();
    const { owner, repo } = repositoryOf(options);
    const limiter = owner?.toLowerCase() ?? '';
    const until = this.#blockedUntil.get(limiter) ?? 0;
    if (until > now) throw rateLimitError(until, now);
    // Mutated in place: Octokit binds these options into its other request hooks, so a copy
    // passed to `request` would not reach the wire.
    Object.assign(options.headers, await this.#authorization(owner, repo));
    if (etag) options.headers['if-none-match'] = etag;
    else delete options.headers['if-none-match'];
    try {
      const response = await request(options);
      return { value: response, etag: response.headers.etag };
    } catch (error) {
      if (isHttpError(error) && error.status === 304) {
        return { notModified: true };
      }
      const limitedUntil = isHttpError(error)
        ? rateLimitedUntil(error, now)
        : undefined;
      if (limitedUntil) this.#blockedUntil.set(limiter, limitedUntil);
      const repository = owner ? `${owner}/${repo}` : this.#integration.host;
      throw toGithubError(error, repository, now);
    }
  }

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
