import { ServiceUnavailableError } from '@backstage/errors';

/** The error for a request refused (or not sent) because GitHub rate-limits until `until`. */
export function rateLimitError(
  until: number,
  now: number,
): ServiceUnavailableError {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return new ServiceUnavailableError(
    `GitHub rate limit reached; retry after ${new Date(
      until,
    ).toISOString()} (in ${seconds} s)`,
  );
}
