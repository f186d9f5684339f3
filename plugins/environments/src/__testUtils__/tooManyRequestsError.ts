import { ResponseError } from '@backstage/errors';

/**
 * The error the client throws for the backend's 429: a real ResponseError built from a response
 * shaped like the backend's (Retry-After header, Backstage error body).
 */
export function tooManyRequestsError(options: {
  retryAfter?: string;
  retryAfterSeconds?: number;
}): Promise<ResponseError> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
  };
  if (options.retryAfter !== undefined) {
    headers['Retry-After'] = options.retryAfter;
  }
  const body = {
    error: {
      name: 'TooManyRequestsError',
      message: 'Too many requests; try again in 59 s',
      statusCode: 429,
      retryAfterSeconds: options.retryAfterSeconds,
    },
    response: { statusCode: 429 },
  };
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status: 429,
      statusText: 'Too Many Requests',
      headers,
    }),
  );
}
