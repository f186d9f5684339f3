import type { GithubModel } from './GithubModel';

/**
 * A failure the stand-in answers with instead of the route's response, or (`race`) a change
 * another writer lands just before the route answers.
 */
export type StandInFault =
  /**
   * Applies `change` to the model, then lets the route answer: e.g. a commit to the overlay
   * just before a contents PUT makes its blob SHA stale, and the route answers 409.
   */
  | { kind: 'race'; change: (model: GithubModel) => void }
  /** 403 (or 429) with `x-ratelimit-remaining: 0` and `x-ratelimit-reset`. */
  | { kind: 'primary-rate-limit'; resetAt?: Date; status?: 403 | 429 }
  /** 403 (or 429) "secondary rate limit", with `retry-after` when given. */
  | {
      kind: 'secondary-rate-limit';
      retryAfterSeconds?: number;
      status?: 403 | 429;
    }
  /** The connection fails without an HTTP response. */
  | { kind: 'network-error' }
  /** 304 Not Modified whatever the request's `If-None-Match`. */
  | { kind: 'not-modified' }
  /** Any status with an optional JSON body. */
  | {
      kind: 'status';
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
    };
