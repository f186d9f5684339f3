import {
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { eventually } from '../__testUtils__/eventually';
import { seedService } from '../__testUtils__/seedService';
import { startClusterStateStore } from '../__testUtils__/startClusterStateStore';
import { testLogger } from '../__testUtils__/testLogger';
import {
  digest,
  ID_LABEL,
  IMAGE,
  podObject,
} from '../__testUtils__/workloadObjects';
import type { ClusterStateStore } from './ClusterStateStore';

const TOKEN = 'stand-in-token';
const CHECKOUT = {
  cluster: 'local',
  namespace: 'qa',
  labelSelector: `${ID_LABEL}=checkout`,
};

let standIn: KubernetesStandIn;
let store: ClusterStateStore;
const logger = testLogger();

beforeAll(async () => {
  standIn = await startKubernetesStandIn({
    token: TOKEN,
    crds: { traefik: true },
  });
  seedService(standIn, {
    namespace: 'qa',
    id: 'checkout',
    extraLabels: { tier: 'api' },
  });
  seedService(standIn, { namespace: 'qa', id: 'payments', digestChar: 'b' });
  standIn.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'qa' },
  });
  store = await startClusterStateStore(
    [{ name: 'local', url: standIn.url, serviceAccountToken: TOKEN }],
    logger,
  );
});

afterAll(async () => {
  await store?.stop();
  await standIn?.stop();
});

async function liveOf(query: Partial<typeof CHECKOUT> = {}) {
  const result = await store.getLiveState({ ...CHECKOUT, ...query });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('ClusterStateStore against the stand-in over HTTP', () => {
  it('serves the initial state after the first lists', async () => {
    const live = await liveOf();
    expect(live).toMatchObject({
      cluster: 'local',
      namespace: 'qa',
      image: { name: IMAGE, tag: 'v1' },
      digests: [digest('a')],
      replicas: { desired: 2, updated: 2, ready: 2, available: 2 },
      rollout: 'complete',
      health: 'healthy',
      since: '2024-05-01T09:59:00Z',
    });
    expect(live?.workloads.map(w => w.name)).toEqual(['checkout']);
    expect(
      (await liveOf({ labelSelector: `${ID_LABEL}=payments` }))?.digests,
    ).toEqual([digest('b')]);
    expect(store.clusterNames()).toEqual(['local']);
    expect(store.defaultClusterName()).toBe('local');
  });

  it('matches any label selector in memory, and finds nothing elsewhere', async () => {
    expect(
      (await liveOf({ labelSelector: 'tier=api' }))?.workloads.map(w => w.name),
    ).toEqual(['checkout']);
    expect(
      (
        await liveOf({
          labelSelector: `${ID_LABEL} in (checkout, payments),tier`,
        })
      )?.workloads,
    ).toHaveLength(1);
    expect(
      await liveOf({ labelSelector: `${ID_LABEL}=checkout,tier!=api` }),
    ).toBeUndefined();
    expect(await liveOf({ namespace: 'staging' })).toBeUndefined();
    expect(
      await liveOf({ labelSelector: `${ID_LABEL}=unknown` }),
    ).toBeUndefined();
  });

  it('sees new and changed workloads shortly after they are applied', async () => {
    seedService(standIn, {
      namespace: 'staging',
      id: 'checkout',
      tag: 'v2',
      digestChar: 'c',
    });
    const added = await eventually(async () => {
      const live = await liveOf({ namespace: 'staging' });
      expect(live?.replicas.available).toBe(2);
      expect(live?.digests).toEqual([digest('c')]);
      return live;
    });
    expect(added?.image?.tag).toBe('v2');

    standIn.apply(
      podObject({
        name: 'checkout-0',
        namespace: 'staging',
        owner: { kind: 'ReplicaSet', name: 'checkout-rs' },
        ready: false,
        restartCount: 5,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: 'back-off 40s restarting failed container',
          },
        },
      }),
    );
    await eventually(async () => {
      const live = await liveOf({ namespace: 'staging' });
      expect(live?.health).toBe('degraded');
      expect(live?.restarts).toBe(5);
      expect(live?.reasons).toContain(
        'Pod checkout-0: CrashLoopBackOff: back-off 40s restarting failed container',
      );
    });

    standIn.remove('apps/v1', 'Deployment', 'staging', 'checkout');
    await eventually(async () =>
      expect(await liveOf({ namespace: 'staging' })).toBeUndefined(),
    );
  });

  it('re-lists after 410 Gone and keeps seeing changes', async () => {
    standIn.resetRequestCount();
    standIn.expireWatches();
    seedService(standIn, {
      namespace: 'production',
      id: 'checkout',
      tag: 'v3',
    });
    await eventually(async () =>
      expect((await liveOf({ namespace: 'production' }))?.image?.tag).toBe(
        'v3',
      ),
    );
    // Every watched kind listed again (7 lists) and watched again (7 watches).
    await eventually(() =>
      expect(standIn.requestCount()).toBeGreaterThanOrEqual(14),
    );
    await eventually(() => expect(standIn.openWatchCount()).toBe(8));
    seedService(standIn, {
      namespace: 'production',
      id: 'checkout',
      tag: 'v4',
    });
    await eventually(async () =>
      expect((await liveOf({ namespace: 'production' }))?.image?.tag).toBe(
        'v4',
      ),
    );
  });

  it('restarts watches the server dropped and picks up later changes', async () => {
    await eventually(() => expect(standIn.openWatchCount()).toBe(8));
    standIn.closeWatches();
    seedService(standIn, {
      namespace: 'production',
      id: 'checkout',
      tag: 'v5',
    });
    await eventually(async () =>
      expect((await liveOf({ namespace: 'production' }))?.image?.tag).toBe(
        'v5',
      ),
    );
    await eventually(() => expect(standIn.openWatchCount()).toBe(8));
    // client-node stops an informer on a dropped connection; the store restarted it.
    expect(logger.info).toHaveBeenCalledWith('Cluster read failed; retrying', {
      cluster: 'local',
      kind: 'pods',
      reason: "cluster 'local' closed the connection watching pods",
      retryInMs: 50,
    });
    expect(logger.info).toHaveBeenCalledWith(
      'Cluster serves a watched kind again',
      { cluster: 'local', kind: 'pods' },
    );
  });

  it('lists namespaces by pattern, without the last-applied manifest', async () => {
    for (const name of ['feature-pr-12', 'feature-pr-3', 'feature-prx']) {
      standIn.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name,
          labels: { 'stageline.io/preview': 'true' },
          annotations: {
            'stageline.io/pull-request': '12',
            'kubectl.kubernetes.io/last-applied-configuration':
              '{"canary":"secret"}',
          },
        },
      });
    }
    const result = await eventually(async () => {
      const found = await store.listNamespaces({
        cluster: 'local',
        pattern: /^feature-pr-(\d+)$/g,
      });
      expect(found.ok && found.value.map(n => n.name)).toEqual([
        'feature-pr-12',
        'feature-pr-3',
      ]);
      return found;
    });
    expect(result.ok && result.value[0]).toEqual({
      name: 'feature-pr-12',
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      terminating: false,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      labels: { 'stageline.io/preview': 'true' },
      annotations: { 'stageline.io/pull-request': '12' },
    });
  });

  it('builds URLs from Ingress hosts and Traefik IngressRoute matches', async () => {
    const labels = { [ID_LABEL]: 'checkout' };
    standIn.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'checkout', namespace: 'qa', labels },
      spec: {
        tls: [{ hosts: ['checkout.qa.example.com'], secretName: 'tls' }],
        rules: [
          {
            host: 'checkout.qa.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix' }] },
          },
          {
            host: 'plain.qa.example.com',
            http: { paths: [{ path: '/api', pathType: 'Prefix' }] },
          },
          { host: '*.wild.example.com' },
        ],
      },
    });
    standIn.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'other',
        namespace: 'qa',
        labels: { [ID_LABEL]: 'payments' },
      },
      spec: { rules: [{ host: 'payments.qa.example.com' }] },
    });
    standIn.apply({
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'IngressRoute',
      metadata: { name: 'checkout-route', namespace: 'qa', labels },
      spec: {
        entryPoints: ['websecure'],
        routes: [
          {
            match: 'Host(`checkout.example.com`) && PathPrefix(`/shop`)',
            kind: 'Rule',
          },
        ],
      },
    });
    await eventually(async () =>
      expect(await store.getUrls(CHECKOUT)).toEqual({
        ok: true,
        value: [
          'https://checkout.qa.example.com/',
          'http://plain.qa.example.com/api',
          'https://checkout.example.com/shop',
        ],
      }),
    );
  });

  it('answers an unknown cluster or an invalid selector with a reason', async () => {
    expect(
      await store.getLiveState({ ...CHECKOUT, cluster: 'elsewhere' }),
    ).toEqual({
      ok: false,
      reason: "unknown cluster 'elsewhere'; configured clusters: 'local'",
    });
    expect(
      await store.listNamespaces({ cluster: 'elsewhere', pattern: /x/ }),
    ).toMatchObject({ ok: false });
    expect(
      await store.getUrls({ ...CHECKOUT, cluster: 'elsewhere' }),
    ).toMatchObject({ ok: false });
    expect(
      await store.getLiveState({ ...CHECKOUT, labelSelector: 'app in ()' }),
    ).toEqual({
      ok: false,
      reason: expect.stringContaining("label selector 'app in ()' is invalid"),
    });
  });

  it('never returns env values or annotations of workloads', async () => {
    standIn.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'leaky',
        namespace: 'qa',
        labels: { [ID_LABEL]: 'leaky' },
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration':
            'canary-annotation',
        },
      },
      spec: {
        replicas: 1,
        template: {
          spec: {
            containers: [
              {
                name: 'app',
                image: 'leaky:1',
                env: [{ name: 'PASSWORD', value: 'canary-env' }],
              },
            ],
          },
        },
      },
    });
    const live = await eventually(async () => {
      const value = await liveOf({ labelSelector: `${ID_LABEL}=leaky` });
      expect(value).toBeDefined();
      return value;
    });
    expect(JSON.stringify(live)).not.toMatch(/canary|PASSWORD/);
  });
});
