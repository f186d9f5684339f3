import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { MemoryStore, type Options } from 'express-rate-limit';
import type { CallerBudgetLimits } from '../config/readRateLimitsConfig';
import {
  isServicePrincipal,
  isUserPrincipal,
  principalType,
} from './principals';
import { TooManyRequestsError } from './TooManyRequestsError';

/**
 * A per-caller allowance of calls that spend a shared resource (the GitHub token's rate limit),
 * counted in a fixed window per user entity ref, or per service subject. Never per IP: behind
 * Backstage's proxy every caller has the same one.
 *
 * The counts live in an express-rate-limit `MemoryStore`. The HTTP routes count through
 * express-rate-limit's middleware on this store ({@link limitGithubReads}); MCP actions call
 * {@link CallerBudget.spend}; so both draw on one budget and a caller cannot double it by
 * switching between them. Counts are per backend instance.
 */
export class CallerBudget {
  readonly limit: number;
  readonly windowMs: number;
  readonly store: MemoryStore;

  constructor(limits: CallerBudgetLimits) {
    this.limit = limits.limit;
    this.windowMs = limits.windowMs;
    this.store = new MemoryStore();
    // The store reads only windowMs; the middleware re-initialises it with the same value.
    this.store.init({ windowMs: this.windowMs } as Options);
  }

  /** Whose budget a call spends: the user entity ref, or `service:<subject>`. */
  static keyOf(credentials: BackstageCredentials): string {
    if (isUserPrincipal(credentials)) {
      return credentials.principal.userEntityRef;
    }
    if (isServicePrincipal(credentials)) {
      return `service:${credentials.principal.subject}`;
    }
    // Routes and actions admit only users and services; refuse rather than share one bucket.
    throw new TypeError(
      `No budget for a '${String(principalType(credentials))}' principal`,
    );
  }

  /** Seconds until a window that resets at `resetTime` is over, as Retry-After gives them. */
  secondsUntil(resetTime: Date | undefined): number {
    const ms = resetTime ? resetTime.getTime() - Date.now() : this.windowMs;
    return Math.max(1, Math.ceil(ms / 1000));
  }

  /** Counts one call for the caller; throws {@link TooManyRequestsError} past the limit. */
  async spend(credentials: BackstageCredentials): Promise<void> {
    const key = CallerBudget.keyOf(credentials);
    const { totalHits, resetTime } = await this.store.increment(key);
    if (totalHits > this.limit) {
      throw new TooManyRequestsError(this.secondsUntil(resetTime));
    }
  }

  /** Stops the store's cleanup timer. */
  shutdown(): void {
    this.store.shutdown();
  }
}
