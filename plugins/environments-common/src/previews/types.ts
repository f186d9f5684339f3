import type { EnvironmentError } from '../environments/types';
import type { LiveState } from '../live/types';

/**
 * One preview environment: a namespace for one pull request.
 *
 * @public
 */
export type PreviewEnvironment = {
  namespace: string;
  pullRequest?: {
    number: number;
    title?: string;
    state?: 'open' | 'closed' | 'merged';
    author?: string;
    headSha?: string;
    updatedAt?: string;
    url?: string;
  };
  urls: string[];
  live?: LiveState;
  createdAt?: string;
  expiresAt?: string;
  /** Pinned: the reaper leaves it alone whatever its pull request or TTL say. */
  keep?: boolean;
  errors: EnvironmentError[];
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/previews`.
 *
 * @public
 */
export type PreviewsResponse = {
  entityRef: string;
  previews: PreviewEnvironment[];
  errors: EnvironmentError[];
};
