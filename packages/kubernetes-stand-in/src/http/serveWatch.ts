import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf } from '../resources/apiVersionOf';
import type { ObjectStore } from '../store/ObjectStore';
import type { StoredEvent } from '../store/StoredEvent';
import type { OpenWatch } from './OpenWatch';
import { parseResourceVersion } from './parseResourceVersion';
import type { ResourceQuery } from './ResourceQuery';
import { selects } from './selects';
import { statusBody } from './statusBody';
import { watchEventFor } from './watchEventFor';

/**
 * Streams newline-delimited `{type, object}` events with chunked encoding, starting after the
 * requested resourceVersion (or with ADDED for every object when none is given). A version
 * older than the history answers with an ERROR event carrying a 410 Status, as the API server's
 * watch cache does.
 */
export function serveWatch(input: {
  req: IncomingMessage;
  res: ServerResponse;
  store: ObjectStore;
  query: ResourceQuery;
  bookmarkIntervalMs: number;
  watches: Set<OpenWatch>;
}): void {
  const { req, res, store, query, watches } = input;
  const from = parseResourceVersion(query.resourceVersion);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  const write = (type: string, object: unknown) => {
    if (!res.writableEnded) res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const cleanups: Array<() => void> = [];
  const finish = () => {
    cleanups.splice(0).forEach(cleanup => cleanup());
    res.end();
  };
  const expire = () => {
    const current = store.currentResourceVersion();
    write(
      'ERROR',
      statusBody(410, `too old resource version: ${from ?? 0} (${current})`),
    );
    finish();
  };
  if (from !== undefined && store.isExpired(query.type, from)) {
    expire();
    return;
  }

  const send = (event: StoredEvent) => {
    const out = watchEventFor(event, o => selects(query, o));
    if (out) write(out.type, out.object);
  };
  if (from === undefined) {
    store
      .list(query.type)
      .filter(o => selects(query, o))
      .forEach(o => write('ADDED', o));
  } else {
    store.eventsAfter(query.type, from).forEach(send);
  }
  const watch: OpenWatch = {
    expire,
    destroy: () => {
      cleanups.splice(0).forEach(cleanup => cleanup());
      res.socket?.destroy();
    },
    end: finish,
  };
  watches.add(watch);
  cleanups.push(
    store.subscribe((type, event) => {
      if (type === query.type) send(event);
    }),
    ...startTimers(input, write, finish),
    () => watches.delete(watch),
  );
  res.on('close', () => cleanups.splice(0).forEach(cleanup => cleanup()));
  req.on('close', () => cleanups.splice(0).forEach(cleanup => cleanup()));
}

function startTimers(
  input: Parameters<typeof serveWatch>[0],
  write: (type: string, object: unknown) => void,
  finish: () => void,
): Array<() => void> {
  const { store, query, bookmarkIntervalMs } = input;
  const stops: Array<() => void> = [];
  if (query.timeoutSeconds !== undefined) {
    const timer = setTimeout(finish, query.timeoutSeconds * 1000);
    stops.push(() => clearTimeout(timer));
  }
  if (query.allowWatchBookmarks) {
    const timer = setInterval(() => {
      write('BOOKMARK', {
        kind: query.type.kind,
        apiVersion: apiVersionOf(query.type),
        metadata: { resourceVersion: String(store.currentResourceVersion()) },
      });
    }, bookmarkIntervalMs);
    stops.push(() => clearInterval(timer));
  }
  return stops;
}
