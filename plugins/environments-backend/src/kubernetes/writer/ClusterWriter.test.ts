import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { eventually } from '../__testUtils__/eventually';
import { freePort } from '../__testUtils__/freePort';
import { seedService } from '../__testUtils__/seedService';
import { startClusterStateStore } from '../__testUtils__/startClusterStateStore';
import type { ClusterStateStore } from '../cache/ClusterStateStore';
import { ClusterWriter } from './ClusterWriter';

const TOKEN = 'stand-in-token';
const PATTERN = /^feature-pr-(\d+)$/;

let standIn: KubernetesStandIn;
let store: ClusterStateStore;
let writer: ClusterWriter;

beforeEach(async () => {
  standIn = await startKubernetesStandIn({ token: TOKEN });
  for (const name of ['feature-pr-1', 'feature-pr-2']) {
    standIn.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    seedService(standIn, { namespace: name, id: 'checkout' });
  }
  const clusters = [
    { name: 'local', url: standIn.url, serviceAccountToken: TOKEN },
  ];
  writer = ClusterWriter.create({ clusters });
  store = await startClusterStateStore(clusters);
});

afterEach(async () => {
  await store?.stop();
  await standIn?.stop();
});

async function cachedNamespaces() {
  const result = await store.listNamespaces({
    cluster: 'local',
    pattern: PATTERN,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

async function uidOf(name: string): Promise<string> {
  const found = (await cachedNamespaces()).find(n => n.name === name);
  if (!found?.uid) throw new Error(`no uid for ${name}`);
  return found.uid;
}

async function checkoutLiveIn(namespace: string) {
  const live = await store.getLiveState({
    cluster: 'local',
    namespace,
    labelSelector: 'backstage.io/kubernetes-id=checkout',
  });
  return live.ok ? live.value : live.reason;
}

describe('ClusterWriter.deleteNamespace through client-node', () => {
  it('deletes the namespace with the cached UID; the cache sees it and its workloads go', async () => {
    const uid = await uidOf('feature-pr-1');

    const outcome = await writer.deleteNamespace({
      cluster: 'local',
      name: 'feature-pr-1',
      uid,
    });

    expect(outcome).toBe('deleted');
    await eventually(async () =>
      expect((await cachedNamespaces()).map(n => n.name)).toEqual([
        'feature-pr-2',
      ]),
    );
    await eventually(async () =>
      expect(await checkoutLiveIn('feature-pr-1')).toBeUndefined(),
    );
    expect(await checkoutLiveIn('feature-pr-2')).toBeDefined();
  });

  it('leaves a recreated namespace alone: the UID precondition fails', async () => {
    const oldUid = await uidOf('feature-pr-1');
    standIn.remove('v1', 'Namespace', undefined, 'feature-pr-1');
    standIn.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'feature-pr-1' },
    });

    const outcome = await writer.deleteNamespace({
      cluster: 'local',
      name: 'feature-pr-1',
      uid: oldUid,
    });

    expect(outcome).toBe('recreated');
    await eventually(async () =>
      expect(await uidOf('feature-pr-1')).not.toBe(oldUid),
    );
    expect(await checkoutLiveIn('feature-pr-1')).toBeDefined();
  });

  it('says gone for a namespace that no longer exists, terminating for one being deleted', async () => {
    const uid = await uidOf('feature-pr-2');
    standIn.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'feature-pr-2', uid },
      status: { phase: 'Terminating' },
    });

    await expect(
      writer.deleteNamespace({ cluster: 'local', name: 'feature-pr-9', uid }),
    ).resolves.toBe('gone');
    await expect(
      writer.deleteNamespace({ cluster: 'local', name: 'feature-pr-2', uid }),
    ).resolves.toBe('terminating');
    await eventually(async () =>
      expect(
        (await cachedNamespaces()).find(n => n.name === 'feature-pr-2')
          ?.terminating,
      ).toBe(true),
    );
  });

  it('maps 403 to NotAllowedError and 401 to ServiceUnavailableError, with reasons and no bodies', async () => {
    const uid = await uidOf('feature-pr-1');
    standIn.setFailure('/api/v1/namespaces/feature-pr-1', 403);
    const forbidden = writer.deleteNamespace({
      cluster: 'local',
      name: 'feature-pr-1',
      uid,
    });
    await expect(forbidden).rejects.toThrow(NotAllowedError);
    await expect(forbidden).rejects.toThrow(
      "cluster 'local' refused the service account: 403 Forbidden deleting namespace 'feature-pr-1'; its service account needs the 'delete' verb on 'namespaces'",
    );

    standIn.setFailure('/api/v1/namespaces/feature-pr-1', 401);
    const rejected = writer.deleteNamespace({
      cluster: 'local',
      name: 'feature-pr-1',
      uid,
    });
    await expect(rejected).rejects.toThrow(ServiceUnavailableError);
    await expect(rejected).rejects.toThrow(
      "cluster 'local' rejected the credentials: 401 Unauthorized deleting namespace 'feature-pr-1'",
    );
    standIn.setFailure('/api/v1/namespaces/feature-pr-1', undefined);
    expect(await checkoutLiveIn('feature-pr-1')).toBeDefined();
  });

  it('refuses unknown clusters and bad names without a request', async () => {
    standIn.resetRequestCount();
    await expect(
      writer.deleteNamespace({
        cluster: 'prod',
        name: 'feature-pr-1',
        uid: 'u',
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      writer.deleteNamespace({ cluster: 'local', name: '../x', uid: 'u' }),
    ).rejects.toThrow(InputError);
    await expect(
      writer.deleteNamespace({
        cluster: 'local',
        name: 'feature-pr-1',
        uid: '',
      }),
    ).rejects.toThrow(InputError);
    expect(standIn.requestCount()).toBe(0);
  });

  it('reports an unreachable cluster as unavailable', async () => {
    const port = await freePort();
    const offline = ClusterWriter.create({
      clusters: [{ name: 'east', url: `http://127.0.0.1:${port}` }],
    });

    await expect(
      offline.deleteNamespace({
        cluster: 'east',
        name: 'feature-pr-1',
        uid: 'u',
      }),
    ).rejects.toThrow(
      new ServiceUnavailableError(
        `cluster 'east' is unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
      ),
    );
  });
});
