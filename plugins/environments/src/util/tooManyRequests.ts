import { ResponseError } from '@backstage/errors';

/** True for the backend's 429: the caller spent their budget (of GitHub reads) for now. */
export function isTooManyRequests(error: unknown): error is ResponseError {
  return error instanceof ResponseError && error.statusCode === 429;
}

/**
 * Seconds to wait before retrying a 429, from its `Retry-After` header (seconds or an HTTP date).
 * A browser hides that header on a cross-origin response unless CORS exposes it, so the backend's
 * `retryAfterSeconds` in the error body is the fallback. Undefined for any other error.
 */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!isTooManyRequests(error)) return undefined;
  const header = error.response.headers.get('Retry-After')?.trim();
  if (header) {
    if (/^\d+$/.test(header)) return Number(header);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) {
      return Math.max(0, Math.ceil((at - Date.now()) / 1000));
    }
  }
  const fromBody = (error.body?.error as { retryAfterSeconds?: unknown })
    ?.retryAfterSeconds;
  return typeof fromBody === 'number' && Number.isFinite(fromBody)
    ? Math.max(0, Math.ceil(fromBody))
    : undefined;
}

/** What a person reads for a 429. */
export function tooManyRequestsMessage(error: ResponseError): string {
  const seconds = retryAfterSecondsOf(error);
  return seconds === undefined
    ? 'Too many requests; try again later'
    : `Too many requests; try again in ${seconds} s`;
}
