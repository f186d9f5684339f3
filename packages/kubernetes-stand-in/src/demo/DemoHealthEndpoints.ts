import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoTarget } from './DemoTarget';

const PATH = /^\/([a-z0-9-]{1,63})\/([a-z0-9-]{1,63})\/health$/;
const MAX_BODY = 64;

/**
 * A health endpoint per demo service and environment, for verification's HTTP checks:
 * `GET /{service}/{environment}/health` answers 200 while healthy, 503 once made unhealthy.
 * `PUT` with the body `healthy` or `unhealthy` sets it, so a demo (or an end-to-end test) can
 * make a freshly promoted version fail its verification. Listens on 127.0.0.1 only.
 */
export class DemoHealthEndpoints {
  readonly #healthy = new Map<string, boolean>();
  readonly #server: Server;

  private constructor(targets: DemoTarget[]) {
    for (const target of targets) {
      this.#healthy.set(`${target.service}/${target.namespace}`, true);
    }
    this.#server = createServer((req, res) => {
      const match = PATH.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const key = match && `${match[1]}/${match[2]}`;
      const reply = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
      };
      if (!key || !this.#healthy.has(key)) {
        reply(404, 'No such demo service and environment\n');
        return;
      }
      if (req.method === 'GET') {
        const healthy = this.#healthy.get(key);
        reply(healthy ? 200 : 503, healthy ? 'healthy\n' : 'unhealthy\n');
        return;
      }
      if (req.method !== 'PUT') {
        res.setHeader('allow', 'GET, PUT');
        reply(405, 'Use GET or PUT\n');
        return;
      }
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > MAX_BODY) req.destroy();
      });
      req.on('end', () => {
        const word = body.trim();
        if (word !== 'healthy' && word !== 'unhealthy') {
          reply(400, 'The body must be "healthy" or "unhealthy"\n');
          return;
        }
        this.#healthy.set(key, word === 'healthy');
        reply(200, `${word}\n`);
      });
    });
  }

  /** Starts listening on 127.0.0.1:`port` (0 picks a free port). */
  static async start(
    port: number,
    targets: DemoTarget[],
  ): Promise<DemoHealthEndpoints> {
    const endpoints = new DemoHealthEndpoints(targets);
    await new Promise<void>((resolve, reject) => {
      endpoints.#server.once('error', reject);
      endpoints.#server.listen(port, '127.0.0.1', () => resolve());
    });
    return endpoints;
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>(resolve => this.#server.close(() => resolve()));
  }
}
