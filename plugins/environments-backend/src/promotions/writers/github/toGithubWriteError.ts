import {
  ConflictError,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { isHttpError } from '../../../gitops/github/isHttpError';
import { githubMessage } from './githubMessage';

const BACKSTAGE_ERRORS = new Set([
  'InputError',
  'NotFoundError',
  'ServiceUnavailableError',
  'ConflictError',
  'NotAllowedError',
]);

/**
 * Maps a failed GitHub write call to a `@backstage/errors` error. The message names what was
 * attempted and GitHub's own explanation (e.g. a protected branch), never request details.
 */
export function toGithubWriteError(
  error: unknown,
  repository: string,
  what: string,
): Error {
  if (isError(error) && BACKSTAGE_ERRORS.has(error.name)) return error as Error;
  if (!isHttpError(error) || !error.response) {
    return new ServiceUnavailableError(
      `GitHub unreachable while trying to ${what} in ${repository}`,
    );
  }
  const detail = githubMessage(error);
  const because = detail ? `: ${detail}` : '';
  switch (error.status) {
    case 401:
      return new ServiceUnavailableError(
        `GitHub rejected the configured credentials while trying to ${what} in ${repository} (401); check the GitHub integration`,
      );
    case 403:
      return new NotAllowedError(
        `GitHub refused to ${what} in ${repository} (403)${because}; the integration needs write access to contents, pull requests and actions`,
      );
    case 404:
      return new NotFoundError(
        `Could not ${what}: not found in ${repository}${because}`,
      );
    case 409:
      return new ConflictError(
        `GitHub refused to ${what} in ${repository} (409)${because}`,
      );
    case 422:
      return new InputError(
        `GitHub rejected the request to ${what} in ${repository} as invalid (422)${because}`,
      );
    default:
      return new ServiceUnavailableError(
        `GitHub answered ${error.status} while trying to ${what} in ${repository}`,
      );
  }
}
