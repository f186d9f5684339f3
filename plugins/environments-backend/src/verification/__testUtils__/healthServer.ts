import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real local HTTP server answering `/health` with 200 until it is told to turn unhealthy. */
export async function startHealthServer() {
  let status = 200;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.statusCode = req.url === '/health' ? status : 404;
    res.end(status === 200 ? 'ok' : 'unhealthy');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    turnUnhealthy: () => {
      status = 503;
    },
    turnHealthy: () => {
      status = 200;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
