import {
  InputError,
  isError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { isHttpError } from './isHttpError';
import { rateLimitError } from './rateLimitError';
import { rateLimitedUntil } from './rateLimitedUntil';

const BACKSTAGE_ERRORS = new Set([
  'InputError',
  'NotFoundError',
  'ServiceUnavailableError',
  'ConflictError',
  'NotAllowedError',
]);

/**
 * Maps a failed GitHub request to a `@backstage/errors` error with a message of our own: Octokit
 * errors carry request details (URL, headers) that must not reach responses or logs.
 */
export function toGithubError(
  error: unknown,
  repository: string,
  now: number = Date.now(),
): Error {
  if (isError(error) && BACKSTAGE_ERRORS.has(error.name)) return error as Error;
  // Without a response the request never got an answer: DNS, TLS, refused connection, reset.
  if (!isHttpError(error) || !error.response) {
    return new ServiceUnavailableError(
      `GitHub unreachable while reading ${repository}`,
    );
  }
  const until = rateLimitedUntil(error, now);
  if (until !== undefined) return rateLimitError(until, now);
  switch (error.status) {
    case 404:
      return new NotFoundError(`${repository} not found on GitHub`);
    case 401:
      return new ServiceUnavailableError(
        `GitHub rejected the configured credentials while reading ${repository} (401); check the GitHub integration`,
      );
    case 403:
      return new ServiceUnavailableError(
        `GitHub refused access to ${repository} (403); check the GitHub integration's permissions`,
      );
    case 422:
      return new InputError(
        `GitHub rejected a request for ${repository} as invalid (422)`,
      );
    default:
      return new ServiceUnavailableError(
        `GitHub answered ${error.status} while reading ${repository}`,
      );
  }
}
