import type { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesStandIn } from './KubernetesStandIn';
import { startKubernetesStandIn } from './startKubernetesStandIn';

type K8s = typeof import('@kubernetes/client-node');

const TOKEN = 'stand-in-token';
let k8s: K8s;
let standIn: KubernetesStandIn;

beforeAll(async () => {
  k8s = await import('@kubernetes/client-node');
});

afterEach(async () => {
  await standIn?.stop();
});

function kubeConfig(token = TOKEN): KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    // client-node speaks plain http only with skipTLSVerify.
    clusters: [{ name: 'stand-in', server: standIn.url, skipTLSVerify: true }],
    users: [{ name: 'reader', token }],
    contexts: [{ name: 'stand-in', cluster: 'stand-in', user: 'reader' }],
    currentContext: 'stand-in',
  });
  return kc;
}

function pod(namespace: string, name: string, labels: Record<string, string>) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'app', image: 'app:1' }] },
  };
}

function deployment(
  namespace: string,
  name: string,
  labels: Record<string, string>,
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: { replicas: 1 },
  };
}

async function get(path: string, token = TOKEN) {
  const res = await fetch(`${standIn.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 20));
    }
  }
}

function names(items: Array<{ metadata?: { name?: string } }>) {
  return items.map(i => i.metadata?.name);
}

describe('startKubernetesStandIn with @kubernetes/client-node', () => {
  it('lists namespaced and across namespaces with label and field selectors', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    standIn.apply(
      pod('qa', 'checkout-1', {
        'backstage.io/kubernetes-id': 'checkout',
        tier: 'api',
      }),
    );
    standIn.apply(
      pod('qa', 'payments-1', {
        'backstage.io/kubernetes-id': 'payments',
        tier: 'db',
      }),
    );
    standIn.apply(
      pod('staging', 'checkout-2', {
        'backstage.io/kubernetes-id': 'checkout',
      }),
    );
    standIn.apply(pod('staging', 'other', { app: 'other' }));
    const core = kubeConfig().makeApiClient(k8s.CoreV1Api);

    const qa = await core.listNamespacedPod({ namespace: 'qa' });
    expect(names(qa.items)).toEqual(['checkout-1', 'payments-1']);
    expect(Number(qa.metadata?.resourceVersion)).toBeGreaterThan(0);

    const select = async (labelSelector: string) =>
      names((await core.listPodForAllNamespaces({ labelSelector })).items);
    expect(await select('backstage.io/kubernetes-id')).toEqual([
      'checkout-1',
      'payments-1',
      'checkout-2',
    ]);
    expect(await select('backstage.io/kubernetes-id=checkout')).toEqual([
      'checkout-1',
      'checkout-2',
    ]);
    expect(await select('backstage.io/kubernetes-id==checkout,tier')).toEqual([
      'checkout-1',
    ]);
    expect(await select('backstage.io/kubernetes-id!=checkout')).toEqual([
      'payments-1',
      'other',
    ]);
    expect(await select('!backstage.io/kubernetes-id')).toEqual(['other']);
    expect(await select('tier in (db, web)')).toEqual(['payments-1']);
    expect(await select('tier notin (db)')).toEqual([
      'checkout-1',
      'checkout-2',
      'other',
    ]);

    const byName = await core.listPodForAllNamespaces({
      fieldSelector: 'metadata.name=checkout-2',
    });
    expect(names(byName.items)).toEqual(['checkout-2']);
    const one = await core.readNamespacedPod({
      namespace: 'qa',
      name: 'checkout-1',
    });
    expect(one.metadata?.labels?.tier).toBe('api');
  });

  it('lists every kind the Backstage Kubernetes backend asks for, with a label selector', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    const paths = [
      '/api/v1/pods',
      '/api/v1/services',
      '/api/v1/configmaps',
      '/api/v1/limitranges',
      '/api/v1/resourcequotas',
      '/apis/apps/v1/deployments',
      '/apis/apps/v1/replicasets',
      '/apis/apps/v1/statefulsets',
      '/apis/apps/v1/daemonsets',
      '/apis/batch/v1/jobs',
      '/apis/batch/v1/cronjobs',
      '/apis/autoscaling/v2/horizontalpodautoscalers',
      '/apis/networking.k8s.io/v1/ingresses',
      '/api/v1/namespaces/qa/pods',
      '/apis/apps/v1/namespaces/qa/deployments',
      '/api/v1/namespaces',
    ];
    standIn.apply({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: {
        name: 'nightly',
        namespace: 'qa',
        labels: { 'backstage.io/kubernetes-id': 'checkout' },
      },
    });
    for (const path of paths) {
      const { status, body } = await get(
        `${path}?labelSelector=${encodeURIComponent(
          'backstage.io/kubernetes-id=checkout',
        )}`,
      );
      expect({ path, status, kind: body.kind }).toEqual({
        path,
        status: 200,
        kind: expect.stringMatching(/List$/),
      });
    }
    const cronJobs = await get('/apis/batch/v1/cronjobs');
    expect(cronJobs.body).toMatchObject({
      kind: 'CronJobList',
      apiVersion: 'batch/v1',
      items: [{ metadata: { name: 'nightly' } }],
    });
    // Built-in kinds leave kind and apiVersion off list items, as the API server does.
    expect(cronJobs.body.items[0].kind).toBeUndefined();
  });

  it('answers 401 to a wrong token, and injected 403 and 500 failures', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    const wrong = kubeConfig('wrong').makeApiClient(k8s.AppsV1Api);
    await expect(wrong.listDeploymentForAllNamespaces()).rejects.toMatchObject({
      code: 401,
    });
    expect((await get('/version', 'wrong')).body).toMatchObject({
      kind: 'Status',
      code: 401,
      reason: 'Unauthorized',
    });

    const apps = kubeConfig().makeApiClient(k8s.AppsV1Api);
    standIn.setFailure('Deployment', 403);
    await expect(apps.listDeploymentForAllNamespaces()).rejects.toMatchObject({
      code: 403,
    });
    const forbidden = await get('/apis/apps/v1/deployments');
    expect(forbidden.body).toMatchObject({
      reason: 'Forbidden',
      message: expect.stringContaining('cannot list resource "deployments"'),
    });
    await expect(apps.listStatefulSetForAllNamespaces()).resolves.toBeDefined();

    standIn.setFailure('/apis/apps', 500);
    await expect(apps.listStatefulSetForAllNamespaces()).rejects.toMatchObject({
      code: 500,
    });
    standIn.setFailure('/apis/apps', undefined);
    standIn.setFailure('Deployment', undefined);
    await expect(apps.listDeploymentForAllNamespaces()).resolves.toBeDefined();
  });

  it('answers 404 for unknown resources and reflects the Traefik CRD in discovery', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    expect((await get('/apis/apps/v1/widgets')).status).toBe(404);
    expect(
      (await get('/api/v1/namespaces/qa/pods/missing')).body,
    ).toMatchObject({ code: 404, reason: 'NotFound' });
    expect((await get('/apis/traefik.io/v1alpha1/ingressroutes')).status).toBe(
      404,
    );
    expect((await get('/apis/traefik.io/v1alpha1')).status).toBe(404);
    const groups = (await get('/apis')).body.groups.map(
      (g: { name: string }) => g.name,
    );
    expect(groups).toEqual([
      'apps',
      'batch',
      'autoscaling',
      'networking.k8s.io',
    ]);
    expect(() =>
      standIn.apply({
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'IngressRoute',
        metadata: { name: 'x' },
      }),
    ).toThrow(/does not serve/);
    await standIn.stop();

    standIn = await startKubernetesStandIn({
      token: TOKEN,
      crds: { traefik: true },
    });
    standIn.apply({
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'IngressRoute',
      metadata: { name: 'web', namespace: 'qa' },
      spec: { routes: [] },
    });
    const custom = kubeConfig().makeApiClient(k8s.CustomObjectsApi);
    const resources = await custom.getAPIResources({
      group: 'traefik.io',
      version: 'v1alpha1',
    });
    expect(resources.resources.map(r => r.name)).toEqual(['ingressroutes']);
    const list = await custom.listClusterCustomObject({
      group: 'traefik.io',
      version: 'v1alpha1',
      plural: 'ingressroutes',
    });
    expect(list.items).toEqual([
      expect.objectContaining({
        kind: 'IngressRoute',
        metadata: expect.objectContaining({ name: 'web' }),
      }),
    ]);
    expect(
      (await get('/apis')).body.groups.map((g: { name: string }) => g.name),
    ).toContain('traefik.io');
    const core = await kubeConfig().makeApiClient(k8s.CoreApi).getAPIVersions();
    expect(core.versions).toEqual(['v1']);
    const version = await kubeConfig().makeApiClient(k8s.VersionApi).getCode();
    expect(version.major).toBe('1');
  });

  it('streams watch events after the listed resourceVersion, per selector', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    standIn.apply(
      deployment('qa', 'before', { 'backstage.io/kubernetes-id': 'checkout' }),
    );
    const apps = kubeConfig().makeApiClient(k8s.AppsV1Api);
    const list = await apps.listDeploymentForAllNamespaces({
      labelSelector: 'backstage.io/kubernetes-id',
    });
    const events: Array<[string, string | undefined]> = [];
    const done = jest.fn();
    const controller = await new k8s.Watch(kubeConfig()).watch(
      '/apis/apps/v1/deployments',
      {
        resourceVersion: list.metadata?.resourceVersion,
        labelSelector: 'backstage.io/kubernetes-id',
      },
      (type, object) => events.push([type, object.metadata?.name]),
      done,
    );
    standIn.apply(
      deployment('qa', 'checkout', {
        'backstage.io/kubernetes-id': 'checkout',
      }),
    );
    standIn.apply(deployment('qa', 'unlabelled', {}));
    standIn.apply({
      ...deployment('qa', 'checkout', {
        'backstage.io/kubernetes-id': 'checkout',
      }),
      spec: { replicas: 3 },
    });
    standIn.apply(deployment('qa', 'checkout', {}));
    standIn.apply(
      deployment('qa', 'before', {
        'backstage.io/kubernetes-id': 'checkout',
        x: 'y',
      }),
    );
    standIn.remove('apps/v1', 'Deployment', 'qa', 'before');
    await eventually(() =>
      expect(events).toEqual([
        ['ADDED', 'checkout'],
        ['MODIFIED', 'checkout'],
        ['DELETED', 'checkout'],
        ['MODIFIED', 'before'],
        ['DELETED', 'before'],
      ]),
    );
    expect(standIn.openWatchCount()).toBe(1);
    controller.abort();
    await eventually(() => expect(standIn.openWatchCount()).toBe(0));
  });

  it('sends ADDED for every object to a watch without a resourceVersion', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    standIn.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'qa' },
    });
    const events: string[] = [];
    const controller = await new k8s.Watch(kubeConfig()).watch(
      '/api/v1/namespaces',
      {},
      (type, o) => events.push(`${type} ${o.metadata.name}`),
      () => {},
    );
    await eventually(() => expect(events).toEqual(['ADDED qa']));
    controller.abort();
  });

  it('expires watches with a 410 ERROR event and answers 410 to old versions', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    const core = kubeConfig().makeApiClient(k8s.CoreV1Api);
    const list = await core.listNamespace();
    const events: Array<{ type: string; code?: number }> = [];
    const done = jest.fn();
    const watch = new k8s.Watch(kubeConfig());
    await watch.watch(
      '/api/v1/namespaces',
      { resourceVersion: list.metadata?.resourceVersion },
      (type, o) => events.push({ type, code: o.code }),
      done,
    );
    standIn.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'qa' },
    });
    await eventually(() => expect(events).toHaveLength(1));
    standIn.expireWatches();
    await eventually(() => expect(done).toHaveBeenCalled());
    expect(events[1]).toEqual({ type: 'ERROR', code: 410 });

    await expect(
      core.listNamespace({ resourceVersion: list.metadata?.resourceVersion }),
    ).rejects.toMatchObject({ code: 410 });
    const old: Array<{ type: string; message?: string }> = [];
    const oldDone = jest.fn();
    await watch.watch(
      '/api/v1/namespaces',
      { resourceVersion: list.metadata?.resourceVersion },
      (type, o) => old.push({ type, message: o.message }),
      oldDone,
    );
    await eventually(() => expect(oldDone).toHaveBeenCalled());
    expect(old).toEqual([
      {
        type: 'ERROR',
        message: expect.stringContaining('too old resource version'),
      },
    ]);
  });

  it('lets an informer re-list after 410 and see later changes', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    const kc = kubeConfig();
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces', () =>
      core.listNamespace(),
    );
    try {
      await informer.start();
      standIn.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'qa' },
      });
      await eventually(() =>
        expect(names([...informer.list()])).toEqual(['qa']),
      );
      standIn.resetRequestCount();
      standIn.expireWatches();
      standIn.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'staging' },
      });
      await eventually(() =>
        expect(names([...informer.list()]).sort()).toEqual(['qa', 'staging']),
      );
      // One list and one new watch after the 410.
      expect(standIn.requestCount()).toBe(2);
    } finally {
      await informer.stop();
    }
  });

  it('drops watch connections abruptly', async () => {
    standIn = await startKubernetesStandIn({ token: TOKEN });
    const done = jest.fn();
    await new k8s.Watch(kubeConfig()).watch('/api/v1/pods', {}, () => {}, done);
    expect(standIn.openWatchCount()).toBe(1);
    standIn.closeWatches();
    await eventually(() => expect(done).toHaveBeenCalled());
    expect(standIn.openWatchCount()).toBe(0);
  });

  it('honours timeoutSeconds and allowWatchBookmarks, and counts requests', async () => {
    standIn = await startKubernetesStandIn({
      token: TOKEN,
      bookmarkIntervalMs: 50,
    });
    const types: string[] = [];
    const done = jest.fn();
    await new k8s.Watch(kubeConfig()).watch(
      '/api/v1/pods',
      { allowWatchBookmarks: true, timeoutSeconds: 1 },
      type => types.push(type),
      done,
    );
    await eventually(() => expect(done).toHaveBeenCalledWith(null));
    expect(types.length).toBeGreaterThan(2);
    expect(new Set(types)).toEqual(new Set(['BOOKMARK']));
    expect(standIn.requestCount()).toBe(1);
    await get('/api/v1/pods?watch=banana&labelSelector=a%20b');
    expect(standIn.requestCount()).toBe(2);
    expect((await get('/api/v1/pods?labelSelector=a%20b')).status).toBe(400);
    standIn.resetRequestCount();
    expect(standIn.requestCount()).toBe(0);
  });
});
