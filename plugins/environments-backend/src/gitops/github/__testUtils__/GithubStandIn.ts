import type { HttpHandler } from 'msw';
import type { GithubModel } from './GithubModel';
import type { GithubUrls } from './GithubUrls';
import type { RequestLog } from './RequestLog';
import type { StandInFault } from './StandInFault';
import type { StandInRoute } from './StandInRoute';

/** A GitHub REST stand-in for msw: handlers over an in-memory model, with a request log. */
export type GithubStandIn = {
  /** Pass to `setupServer(...standIn.handlers)`. */
  handlers: HttpHandler[];
  model: GithubModel;
  requests: RequestLog;
  urls: GithubUrls;
  /** The routes it implements (the OpenAPI test validates each). */
  routes: StandInRoute[];
  /**
   * Answers the next `times` requests (whose path contains `path` and whose method is `method`,
   * when given) with `fault`.
   */
  failNext(
    fault: StandInFault,
    options?: { times?: number; path?: string; method?: string },
  ): void;
  clearFaults(): void;
};
