import type { ServerResponse } from 'node:http';
import { apiVersionOf } from '../resources/apiVersionOf';
import type { ObjectStore } from '../store/ObjectStore';
import { listItem } from './listItem';
import { parseResourceVersion } from './parseResourceVersion';
import type { ResourceQuery } from './ResourceQuery';
import { selects } from './selects';
import { sendJson } from './sendJson';
import { statusBody } from './statusBody';

/** Answers a list: `{kind: XList, apiVersion, metadata: {resourceVersion}, items}`. */
export function serveList(
  res: ServerResponse,
  store: ObjectStore,
  query: ResourceQuery,
): void {
  const from = parseResourceVersion(query.resourceVersion);
  const current = store.currentResourceVersion();
  if (from !== undefined && store.isExpired(query.type, from)) {
    sendJson(
      res,
      410,
      statusBody(410, `too old resource version: ${from} (${current})`),
    );
    return;
  }
  const items = store
    .list(query.type)
    .filter(o => selects(query, o))
    .sort(byNamespaceAndName)
    .map(o => listItem(query.type, o));
  sendJson(res, 200, {
    kind: `${query.type.kind}List`,
    apiVersion: apiVersionOf(query.type),
    metadata: { resourceVersion: String(current) },
    items,
  });
}

type Named = { metadata: { namespace?: string; name: string } };

// Plain code-unit order, as etcd keys sort; localeCompare is far slower on big lists.
function byNamespaceAndName(a: Named, b: Named): number {
  const left = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const right = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
