import { connect, createServer, type Socket } from 'node:net';

/**
 * Listens on 127.0.0.1:`port` and pipes every connection to `targetUrl`'s host and port, so the
 * stand-in (which picks a free port) is reachable at a fixed address.
 */
export async function forwardPort(
  port: number,
  targetUrl: string,
): Promise<{ close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server = createServer(client => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // Either side failing ends both; watches reconnect on their own.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>(resolve => {
        sockets.forEach(s => s.destroy());
        server.close(() => resolve());
      }),
  };
}
