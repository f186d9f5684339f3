import { ResponseError } from '@backstage/errors';
import { isTooManyRequests, tooManyRequestsMessage } from './tooManyRequests';

/**
 * The server's own message for a failed request (why a gate refused, ...), else the error's; for
 * a 429, when to try again.
 */
export function errorMessage(error: unknown): string {
  if (isTooManyRequests(error)) return tooManyRequestsMessage(error);
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
