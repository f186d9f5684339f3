import { ResponseError } from '@backstage/errors';

/** The server's own message for a failed request (why a gate refused, ...), else the error's. */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
