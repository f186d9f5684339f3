import type { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesStandIn } from '../KubernetesStandIn';
import { startKubernetesStandIn } from '../startKubernetesStandIn';

type K8s = typeof import('@kubernetes/client-node');

const TOKEN = 'stand-in-token';
let k8s: K8s;
let standIn: KubernetesStandIn;

beforeAll(async () => {
  k8s = await import('@kubernetes/client-node');
});

beforeEach(async () => {
  standIn = await startKubernetesStandIn({ token: TOKEN });
  for (const name of ['feature-pr-1', 'qa']) {
    standIn.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    standIn.apply(pod(name, 'app-0'));
    standIn.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'app', namespace: name },
      spec: { replicas: 1 },
    });
  }
});

afterEach(async () => {
  await standIn?.stop();
});

function pod(namespace: string, name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: 'app', image: 'app:1' }] },
  };
}

function kubeConfig(): KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'stand-in', server: standIn.url, skipTLSVerify: true }],
    users: [{ name: 'reaper', token: TOKEN }],
    contexts: [{ name: 'stand-in', cluster: 'stand-in', user: 'reaper' }],
    currentContext: 'stand-in',
  });
  return kc;
}

async function deleteOverHttp(name: string, body?: unknown) {
  const res = await fetch(`${standIn.url}/api/v1/namespaces/${name}`, {
    method: 'DELETE',
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function uidOf(name: string): Promise<string> {
  const core = kubeConfig().makeApiClient(k8s.CoreV1Api);
  return (await core.readNamespace({ name })).metadata!.uid!;
}

async function namesIn(namespace: string): Promise<string[]> {
  const core = kubeConfig().makeApiClient(k8s.CoreV1Api);
  const pods = await core.listNamespacedPod({ namespace });
  return pods.items.map(p => p.metadata!.name!);
}

describe('DELETE /api/v1/namespaces/{name}', () => {
  it('deletes a namespace whose UID matches, with its objects, and tells watches', async () => {
    const core = kubeConfig().makeApiClient(k8s.CoreV1Api);
    const list = await core.listNamespace();
    const events: Array<[string, string | undefined]> = [];
    const controller = await new k8s.Watch(kubeConfig()).watch(
      '/api/v1/pods',
      { resourceVersion: list.metadata?.resourceVersion },
      (type, object) => events.push([type, object.metadata?.namespace]),
      () => {},
    );
    const uid = await uidOf('feature-pr-1');

    await core.deleteNamespace({
      name: 'feature-pr-1',
      body: { preconditions: { uid } },
    });

    await expect(
      core.readNamespace({ name: 'feature-pr-1' }),
    ).rejects.toMatchObject({ code: 404 });
    expect(await namesIn('feature-pr-1')).toEqual([]);
    expect(await namesIn('qa')).toEqual(['app-0']);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(events).toEqual([['DELETED', 'feature-pr-1']]);
    controller.abort();
  });

  it('answers 409 with a Status when the UID precondition fails, and keeps the namespace', async () => {
    const response = await deleteOverHttp('feature-pr-1', {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      preconditions: { uid: 'some-older-uid' },
    });
    const uid = await uidOf('feature-pr-1');

    expect(response).toEqual({
      status: 409,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `Operation cannot be fulfilled on namespaces "feature-pr-1": Precondition failed: UID in precondition: some-older-uid, UID in object meta: ${uid}`,
        reason: 'Conflict',
        details: { name: 'feature-pr-1', kind: 'namespaces' },
        code: 409,
      },
    });
    expect(await namesIn('feature-pr-1')).toEqual(['app-0']);
  });

  it('answers the deleted namespace as Terminating, and 404 the second time', async () => {
    const first = await deleteOverHttp('feature-pr-1');
    const second = await deleteOverHttp('feature-pr-1');

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      kind: 'Namespace',
      metadata: { name: 'feature-pr-1' },
      status: { phase: 'Terminating' },
    });
    expect(first.body.metadata.deletionTimestamp).toEqual(expect.any(String));
    expect(second).toMatchObject({
      status: 404,
      body: { reason: 'NotFound', code: 404 },
    });
  });

  it('refuses a namespace already Terminating with 409', async () => {
    standIn.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'feature-pr-1' },
      status: { phase: 'Terminating' },
    });

    const response = await deleteOverHttp('feature-pr-1');

    expect(response.status).toBe(409);
    expect(response.body.message).toContain(
      'The system is ensuring all content is removed from this namespace',
    );
    expect(await namesIn('feature-pr-1')).toEqual(['app-0']);
  });

  it('answers injected 403s with a forbidden Status naming the delete verb', async () => {
    standIn.setFailure('/api/v1/namespaces/feature-pr-1', 403);

    const response = await deleteOverHttp('feature-pr-1');

    expect(response.status).toBe(403);
    expect(response.body.message).toContain('cannot delete resource');
    standIn.setFailure('/api/v1/namespaces/feature-pr-1', undefined);
    expect(await namesIn('feature-pr-1')).toEqual(['app-0']);
  });

  it('still refuses DELETE of other kinds and bad bodies', async () => {
    const podDelete = await fetch(
      `${standIn.url}/api/v1/namespaces/qa/pods/app-0`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } },
    );
    const badBody = await deleteOverHttp('feature-pr-1', 'not an object');

    expect(podDelete.status).toBe(405);
    expect(badBody.status).toBe(400);
    expect(await namesIn('qa')).toEqual(['app-0']);
    expect(await namesIn('feature-pr-1')).toEqual(['app-0']);
  });
});
