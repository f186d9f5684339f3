import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { RequestHandler } from 'express';
import { rateLimit, type AugmentedRequest } from 'express-rate-limit';
import { CallerBudget } from '../authorization/CallerBudget';
import { TooManyRequestsError } from '../authorization/TooManyRequestsError';

/**
 * Middleware for routes that spend the shared GitHub budget (version diffs, preview pull request
 * lookups): counts the call against the caller's {@link CallerBudget} and, past it, answers 429
 * with `Retry-After` (seconds) and a Backstage error body. Make one per budget and mount it on
 * every such route: express-rate-limit wants one middleware per store.
 *
 * It authenticates the caller to find their key, so an anonymous call gets 401 here, before any
 * other work. Responses also carry the draft-7 `RateLimit` headers so clients can pace themselves.
 */
export function limitGithubReads(options: {
  budget: CallerBudget;
  httpAuth: HttpAuthService;
}): RequestHandler {
  const { budget, httpAuth } = options;
  return rateLimit({
    store: budget.store,
    limit: budget.limit,
    windowMs: budget.windowMs,
    keyGenerator: async req =>
      CallerBudget.keyOf(
        await httpAuth.credentials(req, { allow: ['user', 'service'] }),
      ),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Left to Backstage's error handler, so the body has the shape of every other error.
    handler: (req, res, next) => {
      const { resetTime } = (req as AugmentedRequest).rateLimit;
      const error = new TooManyRequestsError(budget.secondsUntil(resetTime));
      res.setHeader('Retry-After', String(error.retryAfterSeconds));
      next(error);
    },
  });
}
