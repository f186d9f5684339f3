import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceType } from '../resources/ResourceType';
import type { StandInObject } from '../StandInObject';
import type { ObjectStore } from '../store/ObjectStore';
import { mergePatch } from './mergePatch';
import { readJsonBody } from './readJsonBody';
import type { RecordedPatch } from './RecordedPatch';
import { sendJson } from './sendJson';
import { statusBody } from './statusBody';

const MERGE_PATCH = 'application/merge-patch+json';

/**
 * A JSON merge patch of one custom object (the only patch the stand-in serves): the patched
 * object, 404 when there is none, 415 for other patch types. Name, namespace and kind stay.
 */
export async function servePatch(input: {
  req: IncomingMessage;
  res: ServerResponse;
  store: ObjectStore;
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  patches: RecordedPatch[];
}): Promise<void> {
  const { req, res, store, type, namespace, name } = input;
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (contentType !== MERGE_PATCH) {
    sendJson(
      res,
      415,
      statusBody(
        415,
        `the body of the request was in an unknown format - accepted media types include: ${MERGE_PATCH}`,
      ),
    );
    return;
  }
  let body: Record<string, unknown>;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    sendJson(res, 400, statusBody(400, (error as Error).message));
    return;
  }
  input.patches.push({ path: req.url ?? '', contentType, body });
  const current = store.get(type, namespace, name);
  if (!current) {
    sendJson(
      res,
      404,
      statusBody(404, `${type.plural}.${type.group} "${name}" not found`, {
        name,
        group: type.group,
        kind: type.plural,
      }),
    );
    return;
  }
  const patched = mergePatch(current, body) as StandInObject;
  const { resourceVersion: _version, ...metadata } = patched.metadata ?? {};
  const stored = store.put(type, {
    ...patched,
    apiVersion: current.apiVersion,
    kind: current.kind,
    metadata: {
      ...metadata,
      name: current.metadata.name,
      namespace: current.metadata.namespace,
      uid: current.metadata.uid,
    },
  });
  sendJson(res, 200, stored);
}
