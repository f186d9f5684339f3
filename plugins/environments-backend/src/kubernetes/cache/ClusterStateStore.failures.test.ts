import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { eventually } from '../__testUtils__/eventually';
import { freePort } from '../__testUtils__/freePort';
import { seedService } from '../__testUtils__/seedService';
import { testLogger } from '../__testUtils__/testLogger';
import { ID_LABEL } from '../__testUtils__/workloadObjects';
import { ClusterStateStore } from './ClusterStateStore';
import type { ClusterDefinition } from '../types';

const TOKEN = 'stand-in-token';
const QUERY = {
  cluster: 'local',
  namespace: 'qa',
  labelSelector: `${ID_LABEL}=checkout`,
};
const FAST = { initialMs: 50, maxMs: 200 };

let standIn: KubernetesStandIn | undefined;
let store: ClusterStateStore | undefined;
let dir: string | undefined;

afterEach(async () => {
  await store?.stop();
  await standIn?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  [store, standIn, dir] = [undefined, undefined, undefined];
});

async function startStore(
  cluster: Omit<ClusterDefinition, 'name'>,
  options: { firstReadTimeoutMs?: number } = {},
) {
  const logger = testLogger();
  store = ClusterStateStore.create({
    clusters: [{ name: 'local', ...cluster }],
    logger,
    backoff: FAST,
    ...options,
  });
  await store.start();
  return { store, logger };
}

async function seededStandIn() {
  standIn = await startKubernetesStandIn({ token: TOKEN });
  seedService(standIn, { namespace: 'qa', id: 'checkout' });
  return standIn;
}

describe('ClusterStateStore when a cluster misbehaves', () => {
  it('says a cluster is unreachable, without waiting for the first-read timeout', async () => {
    const port = await freePort();
    const { store: s } = await startStore({
      url: `http://127.0.0.1:${port}`,
      serviceAccountToken: TOKEN,
    });
    const started = Date.now();
    expect(await s.getLiveState(QUERY)).toEqual({
      ok: false,
      reason: `cluster 'local' is unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(
      await s.listNamespaces({ cluster: 'local', pattern: /./ }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unreachable'),
    });
    expect(await s.getUrls(QUERY)).toMatchObject({ ok: false });
  });

  it('says the credentials were rejected (401), never showing the token', async () => {
    await seededStandIn();
    const { store: s, logger } = await startStore({
      url: standIn!.url,
      serviceAccountToken: 'wrong-canary-token',
    });
    expect(await s.getLiveState(QUERY)).toEqual({
      ok: false,
      reason:
        "cluster 'local' rejected the credentials: 401 Unauthorized listing deployments",
    });
    const logged = JSON.stringify([
      logger.warn.mock.calls,
      logger.info.mock.calls,
    ]);
    expect(logged).toContain('401 Unauthorized');
    expect(logged).not.toContain('wrong-canary-token');
  });

  it('says the service account is refused (403), and recovers once allowed', async () => {
    await seededStandIn();
    standIn!.setFailure('Deployment', 403);
    const { store: s } = await startStore({
      url: standIn!.url,
      serviceAccountToken: TOKEN,
    });
    expect(await s.getLiveState(QUERY)).toEqual({
      ok: false,
      reason:
        "cluster 'local' refused the service account: 403 Forbidden listing deployments",
    });
    // Namespaces do not depend on deployments.
    expect(await s.listNamespaces({ cluster: 'local', pattern: /./ })).toEqual({
      ok: true,
      value: [],
    });
    standIn!.setFailure('Deployment', undefined);
    await eventually(async () =>
      expect(await s.getLiveState(QUERY)).toMatchObject({
        ok: true,
        value: { health: 'healthy' },
      }),
    );
  });

  it('keeps serving through one dropped watch, reports a lasting failure, then recovers', async () => {
    await seededStandIn();
    const { store: s } = await startStore({
      url: standIn!.url,
      serviceAccountToken: TOKEN,
    });
    expect(await s.getLiveState(QUERY)).toMatchObject({ ok: true });
    standIn!.setFailure('Pod', 500);
    standIn!.closeWatches();
    const failedAfter = new Date();
    await eventually(async () =>
      expect(await s.getLiveState(QUERY)).toMatchObject({
        ok: false,
        reason:
          "cluster 'local' answered 500 Internal Server Error watching pods",
      }),
    );
    // The outage keeps what the cluster ran, as of when the cluster stopped answering.
    const during = await s.getLiveState(QUERY);
    expect(during).toMatchObject({
      ok: false,
      lastKnown: { value: { namespace: 'qa', replicas: { ready: 2 } } },
    });
    const asOf = !during.ok ? Date.parse(during.lastKnown!.asOf) : 0;
    expect(asOf).toBeLessThanOrEqual(Date.now());
    expect(asOf).toBeGreaterThanOrEqual(failedAfter.getTime() - 1_000);
    standIn!.setFailure('Pod', undefined);
    await eventually(async () =>
      expect(await s.getLiveState(QUERY)).toMatchObject({ ok: true }),
    );
  });

  it('gives up waiting for a silent cluster after the first-read timeout, once', async () => {
    // A server that accepts connections and never answers.
    const { createServer } = await import('node:http');
    const silent = createServer(() => {});
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const { store: s } = await startStore(
        { url: `http://127.0.0.1:${port}` },
        { firstReadTimeoutMs: 300 },
      );
      const first = Date.now();
      expect(await s.getLiveState(QUERY)).toEqual({
        ok: false,
        reason:
          "cluster 'local' has not answered the first list of deployments yet",
      });
      expect(Date.now() - first).toBeGreaterThanOrEqual(250);
      const second = Date.now();
      await s.getLiveState(QUERY);
      expect(Date.now() - second).toBeLessThan(100);
      await s.stop();
    } finally {
      silent.closeAllConnections();
      await new Promise(resolve => silent.close(resolve));
    }
  });

  it('reads a cluster from a kubeconfig file and context', async () => {
    await seededStandIn();
    dir = await mkdtemp(join(tmpdir(), 'stageline-kubeconfig-'));
    const path = join(dir, 'config');
    await writeFile(
      path,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `- name: stand-in\n  cluster:\n    server: ${
          standIn!.url
        }\n    insecure-skip-tls-verify: true`,
        'users:',
        `- name: reader\n  user:\n    token: ${TOKEN}`,
        'contexts:',
        '- name: other\n  context:\n    cluster: nowhere\n    user: reader',
        '- name: stand-in\n  context:\n    cluster: stand-in\n    user: reader',
        'current-context: other',
      ].join('\n'),
    );
    const { store: s } = await startStore({
      kubeconfig: { path, context: 'stand-in' },
    });
    expect(await s.getLiveState(QUERY)).toMatchObject({
      ok: true,
      value: { health: 'healthy' },
    });
    await s.stop();

    const missing = ClusterStateStore.create({
      clusters: [{ name: 'local', kubeconfig: { path, context: 'nope' } }],
      logger: testLogger(),
    });
    store = missing;
    expect(await missing.getLiveState(QUERY)).toEqual({
      ok: false,
      reason:
        "cluster 'local' cannot be read: context 'nope' is not in the kubeconfig",
    });
  });

  it('uses an injected client module and stops cleanly', async () => {
    await seededStandIn();
    const kubernetesClient = await import('@kubernetes/client-node');
    store = ClusterStateStore.create({
      clusters: [
        { name: 'local', url: standIn!.url, serviceAccountToken: TOKEN },
      ],
      logger: testLogger(),
      kubernetesClient,
    });
    await store.start();
    expect(await store.getLiveState(QUERY)).toMatchObject({ ok: true });
    await eventually(() => expect(standIn!.openWatchCount()).toBe(7));
    await store.stop();
    await eventually(() => expect(standIn!.openWatchCount()).toBe(0));
    standIn!.resetRequestCount();
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(standIn!.requestCount()).toBe(0);
    expect(await store.getLiveState(QUERY)).toEqual({
      ok: false,
      reason: "cluster 'local' is no longer watched",
    });
  });

  it('reports no configured cluster', async () => {
    store = ClusterStateStore.create({ clusters: [], logger: testLogger() });
    await store.start();
    expect(store.defaultClusterName()).toBeUndefined();
    expect(await store.getLiveState(QUERY)).toEqual({
      ok: false,
      reason: "unknown cluster 'local'; no cluster is configured",
    });
  });
});
