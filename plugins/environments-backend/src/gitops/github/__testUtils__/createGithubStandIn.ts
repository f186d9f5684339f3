import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { faultResponse } from './faultResponse';
import { GithubModel } from './GithubModel';
import type { GithubStandIn } from './GithubStandIn';
import { GithubUrls } from './GithubUrls';
import { notFound } from './notFound';
import { LoggedRequest, RequestLog } from './RequestLog';
import { blobRoute } from './routes/blobRoute';
import { codeloadRoute } from './routes/codeloadRoute';
import { commitRoute } from './routes/commitRoute';
import { commitsRoute } from './routes/commitsRoute';
import { compareRoute } from './routes/compareRoute';
import { contentsRoute } from './routes/contentsRoute';
import { createGitRefRoute } from './routes/createGitRefRoute';
import { createPullRoute } from './routes/createPullRoute';
import { gitRefRoute } from './routes/gitRefRoute';
import { mergePullRoute } from './routes/mergePullRoute';
import { pullRoute } from './routes/pullRoute';
import { pullsRoute } from './routes/pullsRoute';
import { putContentsRoute } from './routes/putContentsRoute';
import { tarballRoute } from './routes/tarballRoute';
import { treeRoute } from './routes/treeRoute';
import { updateGitRefRoute } from './routes/updateGitRefRoute';
import { workflowDispatchRoute } from './routes/workflowDispatchRoute';
import { workflowRunRoute } from './routes/workflowRunRoute';
import { workflowRunsRoute } from './routes/workflowRunsRoute';
import type { StandInFault } from './StandInFault';
import type { RouteResult, StandInRoute } from './StandInRoute';

const REPO_PATH = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/;
const RATE_LIMIT = 5000;
const BAD_CREDENTIALS: RouteResult = {
  status: 401,
  body: {
    message: 'Bad credentials',
    documentation_url: 'https://docs.github.com/rest',
    status: '401',
  },
};

/**
 * A GitHub REST API stand-in for msw. It answers the routes Stageline uses with GitHub's
 * response shapes (checked against GitHub's OpenAPI description in githubStandIn.openapi.test),
 * sends ETags and answers `If-None-Match` with 304 (not counted against its rate limit, as on
 * GitHub), and logs every request. Write routes (refs, contents PUT, pull requests, merges,
 * workflow dispatches and runs) keep GitHub's optimistic-concurrency answers (409, 422, 405).
 * A repository snapshot can be read as GitHub serves it: Git trees and blobs, and the tarball
 * (a 302 to a codeload URL the stand-in also serves, see {@link GithubUrls.codeloadTarball}).
 *
 * @param options.token - when set, requests must carry it (`Bearer` or `token`), else 401.
 * @param options.compareLimit - commits per comparison page (GitHub: 250).
 */
export function createGithubStandIn(
  options: { baseUrl?: string; token?: string; compareLimit?: number } = {},
): GithubStandIn {
  const urls = new GithubUrls(options.baseUrl ?? 'https://api.github.com');
  const model = new GithubModel();
  const requests = new RequestLog();
  const routes: StandInRoute[] = [
    contentsRoute,
    commitsRoute,
    commitRoute,
    pullsRoute,
    pullRoute,
    compareRoute({ compareLimit: options.compareLimit }),
    gitRefRoute,
    createGitRefRoute,
    updateGitRefRoute,
    putContentsRoute,
    createPullRoute,
    mergePullRoute,
    workflowDispatchRoute,
    workflowRunsRoute,
    workflowRunRoute,
    treeRoute,
    blobRoute,
    tarballRoute({ sign }),
  ];
  let faults: Array<{ fault: StandInFault; path?: string; method?: string }> =
    [];
  let used = 0;
  const apiPath = new URL(urls.api).pathname.replace(/\/$/, '');
  const codeloadPath = new URL(urls.codeload).pathname.replace(/\/$/, '');

  /**
   * The `token` query parameter that pre-signs a codeload URL path, as GitHub's tarball redirect
   * does for private repositories: derived from the stand-in's token, so only a URL the stand-in
   * handed out passes. None when the stand-in checks no token.
   */
  function sign(path: string): string | undefined {
    return options.token
      ? createHash('sha256')
          .update(`${options.token}\n${path}`)
          .digest('hex')
          .slice(0, 32)
      : undefined;
  }

  /**
   * Takes the first fault queued for this request: a race is applied to the model and the
   * request goes on (undefined); any other fault is the answer.
   */
  function takeFault(
    request: Request,
    entry: LoggedRequest,
  ): Response | undefined {
    const faultIndex = faults.findIndex(
      f =>
        (!f.path || entry.path.includes(f.path)) &&
        (!f.method || f.method === request.method),
    );
    if (faultIndex < 0) return undefined;
    const [{ fault }] = faults.splice(faultIndex, 1);
    if (fault.kind === 'race') {
      fault.change(model);
      return undefined;
    }
    entry.status =
      fault.kind === 'network-error' ? 'network-error' : statusOf(fault);
    return faultResponse(fault, entry.ifNoneMatch);
  }

  async function answer(
    request: Request,
    entry: LoggedRequest,
  ): Promise<Response> {
    const url = new URL(request.url);
    const fault = takeFault(request, entry);
    if (fault) return fault;
    if (options.token && !authorized(entry.authorization, options.token)) {
      return send(entry, BAD_CREDENTIALS);
    }
    const result = await route(request, url);
    if (result.status === 200 && request.method === 'GET') {
      const etag = `W/"${createHash('sha1')
        .update(JSON.stringify(result.body))
        .digest('hex')}"`;
      if (entry.ifNoneMatch?.split(/\s*,\s*/).includes(etag)) {
        entry.status = 304;
        return new HttpResponse(null, {
          status: 304,
          headers: { etag, ...rateHeaders() },
        });
      }
      result.headers = { ...result.headers, etag };
    }
    return send(entry, result);
  }

  async function route(request: Request, url: URL): Promise<RouteResult> {
    const match = REPO_PATH.exec(url.pathname.slice(apiPath.length));
    const repo =
      match &&
      model.repo(
        `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`,
      );
    const rest = match?.[3] ?? '';
    for (const r of routes) {
      const params = r.method === request.method ? r.pattern.exec(rest) : null;
      if (params && match) {
        if (!repo) return notFound();
        return r.handle({
          model,
          urls,
          repo,
          params: params
            .slice(1)
            .map(p =>
              p === undefined ? p : decodeURIComponent(p),
            ) as string[],
          url,
          request,
        });
      }
    }
    return {
      status: 501,
      body: {
        message: `The GitHub stand-in does not implement ${request.method} ${url.pathname}`,
      },
    };
  }

  function send(entry: LoggedRequest, result: RouteResult): Response {
    used++;
    entry.status = result.status;
    // 204, and redirects (the tarball's 302), have no body.
    if (result.body === undefined) {
      return new HttpResponse(null, {
        status: result.status,
        headers: { ...rateHeaders(), ...result.headers },
      });
    }
    return HttpResponse.json(result.body as object, {
      status: result.status,
      headers: { ...rateHeaders(), ...result.headers },
    });
  }

  function rateHeaders() {
    return {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
    };
  }

  const handler = http.all(`${urls.api}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const entry = log(
      request,
      `${url.pathname.slice(apiPath.length)}${url.search}`,
    );
    return answer(request, entry);
  });

  /**
   * Codeload downloads: logged (as `/_codeload/...`) and open to faults like API requests. The
   * token check accepts the pre-signed URL the tarball redirect hands out (a cross-origin
   * redirect, as from api.github.com to codeload.github.com, drops the Authorization header) or
   * the token in Authorization; anything else gets the API's 401. Not counted against the rate
   * limit, as on GitHub.
   */
  const codeload = http.get(`${urls.codeload}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const path = url.pathname.slice(codeloadPath.length);
    const entry = log(request, `/_codeload${path}`);
    const fault = takeFault(request, entry);
    if (fault) return fault;
    if (
      options.token &&
      url.searchParams.get('token') !== sign(url.pathname) &&
      !authorized(entry.authorization, options.token)
    ) {
      entry.status = 401;
      return HttpResponse.json(BAD_CREDENTIALS.body as object, { status: 401 });
    }
    const response = await codeloadRoute(model, path);
    entry.status = response.status;
    return response;
  });

  function log(request: Request, path: string): LoggedRequest {
    const entry: LoggedRequest = {
      method: request.method,
      path,
      status: 0,
      authorization: request.headers.get('authorization') ?? undefined,
      ifNoneMatch: request.headers.get('if-none-match') ?? undefined,
    };
    requests.entries.push(entry);
    return entry;
  }

  return {
    // Codeload first: with a base URL without a path, its URLs are under the API's too.
    handlers: [codeload, handler],
    model,
    requests,
    urls,
    routes,
    failNext(fault, { times = 1, path, method } = {}) {
      for (let i = 0; i < times; i++) faults.push({ fault, path, method });
    },
    clearFaults() {
      faults = [];
    },
  };
}

function statusOf(fault: StandInFault): number {
  if (fault.kind === 'not-modified') return 304;
  if (fault.kind === 'status') return fault.status;
  return (fault as { status?: number }).status ?? 403;
}

function authorized(header: string | undefined, token: string) {
  return header === `Bearer ${token}` || header === `token ${token}`;
}
