import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  GithubCredentialsProvider,
  GithubIntegrationConfig,
} from '@backstage/integration';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { GithubRequestHook } from './GithubRequestHook';

const QUIET = { debug() {}, info() {}, warn() {}, error() {} };
const GithubOctokit = Octokit.plugin(throttling, retry);

/** The one Octokit client of a GitHub host, for reads and writes alike. */
export type GithubClient = Octokit;

// Statuses a repeat cannot fix: 405 (not mergeable), 409 (a stale SHA) and 422 are answers
// the caller handles; 403 and 429 rate limits are the throttling plugin's, never blind retries.
const DO_NOT_RETRY = [400, 401, 403, 404, 405, 409, 410, 422, 429, 451];
// A rate limit is waited out at most this many times per request.
const MAX_RATE_LIMIT_RETRIES = 3;

export type GithubClientOptions = {
  integration: GithubIntegrationConfig;
  credentialsProvider: GithubCredentialsProvider;
  logger?: LoggerService;
  /** Longest single wait for a rate limit before failing (default 30 s). */
  maxRateLimitWaitMs?: number;
  /** Milliseconds per second GitHub asks to wait (default 1000; tests shorten it). */
  retryAfterBaseMs?: number;
  /** Pause between two writes of one host (default 1 s, as GitHub advises). */
  minWriteIntervalMs?: number;
};

/**
 * An Octokit client for one GitHub host, shared by snapshot reads and overlay writes:
 * - credentials from the integration (token or GitHub App) on every request,
 * - conditional reads on request (see DIRECT_READ_HEADER),
 * - GitHub's rate limits waited out by `@octokit/plugin-throttling` when the wait is short
 *   (else failing at once, and fast until the limit resets), writes spaced as GitHub advises,
 * - transient failures of reads (5xx) retried by `@octokit/plugin-retry`; writes are never
 *   repeated blindly, since a write that timed out may have happened.
 * Failures keep Octokit's errors; callers map them with toGithubError.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const { integration, logger } = options;
  if (!integration.apiBaseUrl) {
    throw new InputError(
      `The GitHub integration for ${integration.host} has no apiBaseUrl`,
    );
  }
  const maxWaitMs = options.maxRateLimitWaitMs ?? 30_000;
  const baseMs = options.retryAfterBaseMs ?? 1_000;
  const waitOut =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const wanted =
        retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter * 1000 <= maxWaitMs;
      logger?.warn(
        wanted
          ? 'GitHub rate limit hit; retrying after the wait'
          : 'GitHub rate limit hit; not retrying',
        {
          kind,
          host: integration.host,
          method: request.method,
          url: request.url,
          retryAfterSeconds: retryAfter,
        },
      );
      return wanted;
    };
  // Per client rather than the plugin's process-wide groups, and writes that notify people
  // (pull requests, merges) paced like any write instead of 3 s apart.
  const writes = () =>
    new Bottleneck.Group({
      maxConcurrent: 1,
      minTime: options.minWriteIntervalMs ?? 1_000,
    });
  const octokit = new GithubOctokit({
    baseUrl: integration.apiBaseUrl,
    log: QUIET,
    throttle: {
      id: integration.host,
      onRateLimit: waitOut('primary'),
      onSecondaryRateLimit: waitOut('secondary'),
      retryAfterBaseValue: baseMs,
      write: writes(),
      notifications: writes(),
    },
    retry: { doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: baseMs },
  });
  const hook = new GithubRequestHook({
    integration,
    credentialsProvider: options.credentialsProvider,
  });
  octokit.hook.wrap('request', hook.wrap);
  return octokit;
}
