import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from './http/createRequestHandler';
import { FailureRules } from './http/FailureRules';
import type { OpenWatch } from './http/OpenWatch';
import type { RecordedPatch } from './http/RecordedPatch';
import type { KubernetesStandIn } from './KubernetesStandIn';
import type { KubernetesStandInOptions } from './KubernetesStandInOptions';
import { ResourceRegistry } from './resources/ResourceRegistry';
import { resourceTypes } from './resources/resourceTypes';
import type { StandInObject } from './StandInObject';
import { ObjectStore } from './store/ObjectStore';

/**
 * Starts a Kubernetes API server stand-in on 127.0.0.1 (a free port) that speaks the REST list,
 * get and watch protocol, and namespace delete, well enough for `@kubernetes/client-node` and
 * the Backstage Kubernetes backend to run unchanged against it.
 */
export async function startKubernetesStandIn(
  options: KubernetesStandInOptions = {},
): Promise<KubernetesStandIn> {
  const registry = new ResourceRegistry(
    resourceTypes({
      traefik: options.crds?.traefik ?? false,
      argoCd: options.crds?.argoCd ?? false,
      flux: options.crds?.flux ?? false,
    }),
  );
  const store = new ObjectStore(options.historyLimit);
  const failures = new FailureRules();
  const watches = new Set<OpenWatch>();
  const patches: RecordedPatch[] = [];
  let requests = 0;
  const server = createServer(
    createRequestHandler({
      registry,
      store,
      failures,
      watches,
      patches,
      token: options.token,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
      onRequest: () => {
        requests++;
      },
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const typeOf = (apiVersion: string, kind: string) => {
    const type = registry.byKind(apiVersion, kind);
    if (!type) {
      throw new Error(`the stand-in does not serve ${kind} in ${apiVersion}`);
    }
    return type;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    apply(object: StandInObject) {
      if (!object?.metadata?.name) {
        throw new Error('an object needs metadata.name');
      }
      return store.put(typeOf(object.apiVersion, object.kind), object);
    },
    remove(apiVersion, kind, namespace, name) {
      return (
        store.delete(typeOf(apiVersion, kind), namespace, name) !== undefined
      );
    },
    patches: () => patches.map(p => ({ ...p })),
    requestCount: () => requests,
    resetRequestCount: () => {
      requests = 0;
    },
    expireWatches() {
      store.expire();
      [...watches].forEach(w => w.expire());
    },
    setFailure: (key, status) => failures.set(key, status),
    closeWatches() {
      [...watches].forEach(w => w.destroy());
    },
    openWatchCount: () => watches.size,
    async stop() {
      [...watches].forEach(w => w.end());
      const closed = new Promise<void>(resolve =>
        server.close(() => resolve()),
      );
      server.closeAllConnections();
      await closed;
    },
  };
}
