import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real local server speaking the Prometheus HTTP API's instant query
 * (`GET /api/v1/query?query=...`): a vector with one sample of the current value, or none.
 */
export async function startPrometheusStandIn() {
  let value: string | undefined = '0.01';
  const queries: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/api/v1/query' || !url.searchParams.get('query')) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          status: 'error',
          errorType: 'bad_data',
          error: 'missing query',
        }),
      );
      return;
    }
    queries.push(url.searchParams.get('query')!);
    const now = Date.now() / 1000;
    res.end(
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'vector',
          result:
            value === undefined ? [] : [{ metric: {}, value: [now, value] }],
        },
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    /** The value the next queries give; undefined: an empty vector. */
    set: (next: string | undefined) => {
      value = next;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
