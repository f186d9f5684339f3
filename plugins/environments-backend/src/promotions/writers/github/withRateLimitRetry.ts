import { isHttpError } from '../../../gitops/github/isHttpError';
import { rateLimitedUntil } from '../../../gitops/github/rateLimitedUntil';
import { rateLimitError } from '../../../gitops/github/rateLimitError';
import type { WriterTiming } from '../WriterTiming';

/** How long writes wait for GitHub rate limits in total, by default. */
const DEFAULT_MAX_WAIT_MS = 30_000;
const MAX_ATTEMPTS = 4;
const MIN_BACKOFF_MS = 1_000;

/**
 * Calls `fn`, and when GitHub answers with a primary (`x-ratelimit-remaining: 0` until
 * `x-ratelimit-reset`) or secondary (`retry-after`) rate limit, waits as GitHub asks (at least an
 * exponential backoff) and calls again; a rate-limited request was not carried out, so repeating
 * it is safe. Gives up with ServiceUnavailableError naming when the limit resets once the next
 * wait would exceed `maxWaitMs` in total or after a few attempts. Other errors pass through.
 */
export async function withRateLimitRetry<T>(
  fn: () => Promise<T>,
  options: { timing: WriterTiming; maxWaitMs?: number },
): Promise<T> {
  const { timing } = options;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const now = timing.now();
      const until = isHttpError(error)
        ? rateLimitedUntil(error, now)
        : undefined;
      if (until === undefined) throw error;
      const wait = Math.max(until - now, MIN_BACKOFF_MS * 2 ** (attempt - 1));
      if (attempt >= MAX_ATTEMPTS || waited + wait > maxWaitMs) {
        throw rateLimitError(Math.max(until, now + wait), now);
      }
      await timing.sleep(wait);
      waited += wait;
    }
  }
}
