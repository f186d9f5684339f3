import { isError, ServiceUnavailableError } from '@backstage/errors';

/**
 * The deleter throws `@backstage/errors` types (NotAllowed, ServiceUnavailable, ...); anything
 * else is an unexpected cluster failure, answered as unavailable with `reason`.
 */
export function asTypedError(error: unknown, reason: string): Error {
  return isError(error) && error.name !== 'Error'
    ? (error as Error)
    : new ServiceUnavailableError(reason);
}
