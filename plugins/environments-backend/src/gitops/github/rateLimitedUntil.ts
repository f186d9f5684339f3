import type { HttpErrorLike } from './isHttpError';

// GitHub's advice when a secondary limit gives no retry-after header.
const SECONDARY_DEFAULT_WAIT_MS = 60_000;

/**
 * When a rate-limited GitHub response allows the next request (epoch ms), or undefined when the
 * response is not a rate limit. Primary limits (403/429 with `x-ratelimit-remaining: 0`) last
 * until `x-ratelimit-reset`; secondary limits until `retry-after`, else a minute.
 */
export function rateLimitedUntil(
  error: HttpErrorLike,
  now: number,
): number | undefined {
  if (error.status !== 403 && error.status !== 429) return undefined;
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
    return now + retryAfter * 1000;
  }
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset)
      ? reset * 1000
      : now + SECONDARY_DEFAULT_WAIT_MS;
  }
  if (error.status === 429 || /secondary rate limit/i.test(error.message)) {
    return now + SECONDARY_DEFAULT_WAIT_MS;
  }
  return undefined;
}
