import type { GithubModel } from './GithubModel';
import type { ModelRepo } from './modelTypes';
import type { GithubUrls } from './GithubUrls';

/** What a route answers; the stand-in adds ETag, 304 and rate-limit handling around it. */
export type RouteResult = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
};

/** Everything a route handler may read. */
export type RouteInput = {
  model: GithubModel;
  urls: GithubUrls;
  repo: ModelRepo;
  /** Decoded capture groups of `pattern` after owner and repo. */
  params: string[];
  url: URL;
  request: Request;
};

/**
 * One GitHub REST route under `/repos/{owner}/{repo}`. `pattern` matches the rest of the
 * (still encoded) path, e.g. `^/pulls/(\d+)$`; the repository is looked up before `handle`.
 */
export type StandInRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, for the schema test, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  openapiPath: string;
  pattern: RegExp;
  handle(input: RouteInput): RouteResult | Promise<RouteResult>;
};
