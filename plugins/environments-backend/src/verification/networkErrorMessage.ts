import { errorMessage } from '../errors/errorMessage';

/**
 * The reason a fetch failed: fetch wraps the network error (ECONNREFUSED, ENOTFOUND) in `cause`.
 * Checked by shape, since the error may come from another realm than this module's `Error`.
 */
export function networkErrorMessage(error: unknown): string {
  const cause =
    typeof error === 'object' && error !== null && 'cause' in error
      ? error.cause
      : undefined;
  if (
    typeof cause === 'object' &&
    cause !== null &&
    'message' in cause &&
    typeof cause.message === 'string'
  ) {
    return cause.message;
  }
  return errorMessage(error);
}
