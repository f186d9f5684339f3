import { CustomErrorBase } from '@backstage/errors';

/**
 * The caller spent their budget for this kind of call; they may try again after
 * `retryAfterSeconds`.
 *
 * `@backstage/errors` has no 429 class. Backstage's error handler (`MiddlewareFactory.error`)
 * answers with an error's numeric `statusCode` field when it has one, so this serializes like the
 * built-in errors (`{ error: { name, message, ... }, response: { statusCode: 429 } }`), and the
 * actions registry's invoke route answers 429 the same way.
 */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  readonly statusCode = 429;
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
