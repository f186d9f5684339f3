import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceRegistry } from '../resources/ResourceRegistry';
import type { StandInObject } from '../StandInObject';
import type { ObjectStore } from '../store/ObjectStore';
import { purgeNamespace } from '../store/purgeNamespace';
import { readJsonBody } from './readJsonBody';
import { sendJson } from './sendJson';
import { statusBody } from './statusBody';

/**
 * `DELETE /api/v1/namespaces/{name}` with an optional DeleteOptions body. Honours
 * `preconditions.uid` and `preconditions.resourceVersion` (409 Conflict on mismatch, as the
 * API server's registry does), refuses a namespace already Terminating (409), and otherwise
 * removes the namespace and everything in it.
 */
export async function serveNamespaceDelete(options: {
  req: IncomingMessage;
  res: ServerResponse;
  store: ObjectStore;
  registry: ResourceRegistry;
  name: string;
}): Promise<void> {
  const { res, store, registry, name } = options;
  let body: Record<string, unknown>;
  try {
    body = await readJsonBody(options.req);
  } catch (error) {
    sendJson(res, 400, statusBody(400, (error as Error).message));
    return;
  }
  const type = registry.byKind('v1', 'Namespace')!;
  const namespace = store.get(type, undefined, name);
  const details = { name, kind: 'namespaces' };
  if (!namespace) {
    sendJson(
      res,
      404,
      statusBody(404, `namespaces "${name}" not found`, details),
    );
    return;
  }
  const conflict =
    preconditionFailure(body, namespace.metadata) ??
    terminatingFailure(namespace);
  if (conflict) {
    const message = `Operation cannot be fulfilled on namespaces "${name}": ${conflict}`;
    sendJson(res, 409, statusBody(409, message, details));
    return;
  }
  sendJson(res, 200, purgeNamespace(store, registry, namespace));
}

function preconditionFailure(
  body: Record<string, unknown>,
  meta: { uid?: string; resourceVersion?: string },
): string | undefined {
  const preconditions = (body.preconditions ?? {}) as {
    uid?: unknown;
    resourceVersion?: unknown;
  };
  if (typeof preconditions.uid === 'string' && preconditions.uid !== meta.uid) {
    return `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${meta.uid}`;
  }
  if (
    typeof preconditions.resourceVersion === 'string' &&
    preconditions.resourceVersion !== meta.resourceVersion
  ) {
    return `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion}`;
  }
  return undefined;
}

function terminatingFailure(namespace: StandInObject): string | undefined {
  const phase = (namespace.status as { phase?: unknown } | undefined)?.phase;
  return phase === 'Terminating'
    ? 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.'
    : undefined;
}
