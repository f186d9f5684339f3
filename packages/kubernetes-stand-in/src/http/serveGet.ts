import type { ServerResponse } from 'node:http';
import type { ObjectStore } from '../store/ObjectStore';
import type { ResourceQuery } from './ResourceQuery';
import { sendJson } from './sendJson';
import { statusBody } from './statusBody';

/** Answers a get of one object, or a 404 Status like the API server's. */
export function serveGet(
  res: ServerResponse,
  store: ObjectStore,
  query: ResourceQuery & { name: string },
): void {
  const object = store.get(query.type, query.namespace, query.name);
  if (object) {
    sendJson(res, 200, object);
    return;
  }
  const { plural, group } = query.type;
  sendJson(
    res,
    404,
    statusBody(
      404,
      `${plural}${group ? `.${group}` : ''} "${query.name}" not found`,
      {
        name: query.name,
        group,
        kind: plural,
      },
    ),
  );
}
