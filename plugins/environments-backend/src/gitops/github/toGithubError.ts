import {
  ConflictError,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { githubMessage } from './githubMessage';
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
 * Maps a failed GitHub request, read or write, to a `@backstage/errors` error with a message of
 * our own: Octokit errors carry request details (URL, headers) that must not reach responses
 * or logs. `action` names a write ("create branch x"); without it the request was a read.
 * Writes add GitHub's own explanation (a protected branch, a failed check).
 */
export function toGithubError(
  error: unknown,
  repository: string,
  action?: string,
  now: number = Date.now(),
): Error {
  if (isError(error) && BACKSTAGE_ERRORS.has(error.name)) return error as Error;
  const doing = action
    ? `trying to ${action} in ${repository}`
    : `reading ${repository}`;
  // Without a response the request never got an answer: DNS, TLS, refused connection, reset.
  if (!isHttpError(error) || !error.response) {
    return new ServiceUnavailableError(`GitHub unreachable while ${doing}`);
  }
  const until = rateLimitedUntil(error, now);
  if (until !== undefined) return rateLimitError(until, now);
  const detail = action ? githubMessage(error) : '';
  const because = detail ? `: ${detail}` : '';
  switch (error.status) {
    case 401:
      return new ServiceUnavailableError(
        `GitHub rejected the configured credentials while ${doing} (401); check the GitHub integration`,
      );
    case 403:
      return action
        ? new NotAllowedError(
            `GitHub refused to ${action} in ${repository} (403)${because}; the integration needs write access to contents, pull requests and actions`,
          )
        : new ServiceUnavailableError(
            `GitHub refused access to ${repository} (403); check the GitHub integration's permissions`,
          );
    case 404:
      return action
        ? new NotFoundError(
            `Could not ${action}: not found in ${repository}${because}`,
          )
        : new NotFoundError(`${repository} not found on GitHub`);
    case 409:
      if (action) {
        return new ConflictError(
          `GitHub refused to ${action} in ${repository} (409)${because}`,
        );
      }
      break;
    case 422:
      return new InputError(
        action
          ? `GitHub rejected the request to ${action} in ${repository} as invalid (422)${because}`
          : `GitHub rejected a request for ${repository} as invalid (422)`,
      );
    default:
  }
  return new ServiceUnavailableError(
    `GitHub answered ${error.status} while ${doing}`,
  );
}
