import { HttpResponse } from 'msw';
import type { StandInFault } from './StandInFault';

/** The HTTP answer for a forced fault. */
export function faultResponse(fault: StandInFault, etag?: string): Response {
  const json = (
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => HttpResponse.json(body as object, { status, headers });
  switch (fault.kind) {
    case 'network-error':
      return HttpResponse.error();
    case 'not-modified':
      return new HttpResponse(null, {
        status: 304,
        headers: etag ? { etag } : {},
      });
    case 'primary-rate-limit': {
      const reset = fault.resetAt ?? new Date(Date.now() + 3600_000);
      return json(
        fault.status ?? 403,
        {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: String(fault.status ?? 403),
        },
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.floor(reset.getTime() / 1000)),
          'x-ratelimit-resource': 'core',
        },
      );
    }
    case 'secondary-rate-limit':
      return json(
        fault.status ?? 403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(fault.status ?? 403),
        },
        fault.retryAfterSeconds === undefined
          ? {}
          : { 'retry-after': String(fault.retryAfterSeconds) },
      );
    case 'race':
      throw new Error('A race fault changes the model; it has no response');
    default:
      return json(
        fault.status,
        fault.body ?? { message: 'Stand-in fault' },
        fault.headers,
      );
  }
}
