import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildResourceQuery } from './buildResourceQuery';
import { discoveryDocument } from './discoveryDocument';
import { failureStatus } from './failureStatus';
import { parseResourcePath } from './parseResourcePath';
import type { RequestContext } from './RequestContext';
import { sendJson } from './sendJson';
import { serveGet } from './serveGet';
import { serveList } from './serveList';
import { serveNamespaceDelete } from './serveNamespaceDelete';
import { servePatch } from './servePatch';
import { serveWatch } from './serveWatch';
import { statusBody } from './statusBody';

const NOT_FOUND = 'the server could not find the requested resource';

/**
 * The stand-in's HTTP handler: auth, injected failures, discovery, get, list, watch, and delete
 * of namespaces.
 */
export function createRequestHandler(ctx: RequestContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    ctx.onRequest();
    try {
      handle(ctx, req, res);
    } catch (error) {
      sendJson(
        res,
        500,
        statusBody(500, `Internal error occurred: ${String(error)}`),
      );
    }
  };
}

function handle(
  ctx: RequestContext,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  if (ctx.token && req.headers.authorization !== `Bearer ${ctx.token}`) {
    sendJson(res, 401, statusBody(401, 'Unauthorized'));
    return;
  }
  const path = parseResourcePath(url.pathname);
  const type =
    path && ctx.registry.byPath(path.group, path.version, path.plural);
  const deletesNamespace =
    req.method === 'DELETE' &&
    type?.kind === 'Namespace' &&
    type.group === '' &&
    !!path?.name;
  const patchesCustom =
    req.method === 'PATCH' && !!type?.custom && !!path?.name;
  if (req.method !== 'GET' && !deletesNamespace && !patchesCustom) {
    sendJson(
      res,
      405,
      statusBody(
        405,
        `the server does not allow this method on the requested resource`,
      ),
    );
    return;
  }
  const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
  const failure = ctx.failures.match(url.pathname, type);
  if (failure !== undefined) {
    let verb = path?.name ? 'get' : 'list';
    if (watch) verb = 'watch';
    if (deletesNamespace) verb = 'delete';
    if (patchesCustom) verb = 'patch';
    sendJson(
      res,
      failure,
      failureStatus(failure, { type, namespace: path?.namespace, verb }),
    );
    return;
  }
  if (deletesNamespace) {
    serveNamespaceDelete({
      req,
      res,
      store: ctx.store,
      registry: ctx.registry,
      name: path!.name!,
    }).catch(error =>
      sendJson(
        res,
        500,
        statusBody(500, `Internal error occurred: ${String(error)}`),
      ),
    );
    return;
  }
  if (patchesCustom) {
    servePatch({
      req,
      res,
      store: ctx.store,
      type: type!,
      namespace: path!.namespace,
      name: path!.name!,
      patches: ctx.patches,
    }).catch(error =>
      sendJson(
        res,
        500,
        statusBody(500, `Internal error occurred: ${String(error)}`),
      ),
    );
    return;
  }
  const discovery = discoveryDocument(ctx.registry, url.pathname);
  if (discovery !== undefined) {
    if (discovery === null) sendJson(res, 404, statusBody(404, NOT_FOUND));
    else sendJson(res, 200, discovery);
    return;
  }
  // Cluster-scoped kinds have no namespace path; namespaced ones have no cluster-wide get.
  if (
    !path ||
    !type ||
    (path.namespace !== undefined && !type.namespaced) ||
    (path.namespace === undefined && type.namespaced && path.name)
  ) {
    sendJson(res, 404, statusBody(404, NOT_FOUND));
    return;
  }
  let query;
  try {
    query = buildResourceQuery(type, path, url.searchParams);
  } catch (error) {
    sendJson(res, 400, statusBody(400, (error as Error).message));
    return;
  }
  if (query.watch) {
    serveWatch({
      req,
      res,
      store: ctx.store,
      query,
      watches: ctx.watches,
      bookmarkIntervalMs: ctx.bookmarkIntervalMs,
    });
  } else if (query.name) {
    serveGet(res, ctx.store, { ...query, name: query.name });
  } else {
    serveList(res, ctx.store, query);
  }
}
