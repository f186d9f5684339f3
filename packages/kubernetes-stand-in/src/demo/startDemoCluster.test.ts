import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startDemoCluster } from './startDemoCluster';

const TOKEN = 'demo-test-token';
const NAME = 'registry.example.com/shop/checkout';
const DIGEST_1 = `sha256:${'1'.repeat(64)}`;
const DIGEST_2 = `sha256:${'2'.repeat(64)}`;
const QA = 'apps/checkout/overlays/qa/kustomization.yaml';
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

const overlay = (tag: string, digest: string) =>
  `images:\n  - name: ${NAME}\n    newTag: '${tag}'\n    digest: '${digest}'\n`;

/** A bare repository and a work tree that commits overlays to its main branch. */
function gitopsRepository(root: string) {
  const bare = join(root, 'gitops.git');
  const work = join(root, 'work');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: work, env: GIT_ENV, stdio: 'pipe' });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], {
    env: GIT_ENV,
  });
  mkdirSync(work);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', bare);
  return {
    bare,
    commit(path: string, text: string) {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), text);
      git('add', '-A');
      git('commit', '-q', '-m', `update ${path}`);
      git('push', '-q', 'origin', 'main');
    },
    head: () => git('rev-parse', 'HEAD').toString().trim(),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  }
}

describe('startDemoCluster', () => {
  let root: string;
  let demo: Awaited<ReturnType<typeof startDemoCluster>>;
  let repo: ReturnType<typeof gitopsRepository>;

  const list = async (path: string) => {
    const res = await fetch(`${demo.url}${path}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: any[] }).items;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'demo-cluster-'));
    repo = gitopsRepository(root);
    repo.commit(QA, overlay('v1', DIGEST_1));
    demo = await startDemoCluster({
      port: await freePort(),
      token: TOKEN,
      gitDir: repo.bare,
      branch: 'main',
      syncIntervalMs: 50,
      rolloutMs: 300,
      agentSyncDelayMs: 400,
      healthPort: 0,
    });
  });

  afterAll(async () => {
    await demo?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the namespaces, previews and what the overlays declare on its fixed port', async () => {
    const namespaces = (await list('/api/v1/namespaces')).map(
      n => n.metadata.name,
    );
    expect(namespaces.sort()).toEqual([
      'checkout-pr-41',
      'checkout-pr-42',
      'production',
      'qa',
      'staging',
    ]);
    const [deployment] = await list('/apis/apps/v1/namespaces/qa/deployments');
    expect(deployment.spec.template.spec.containers[0].image).toBe(
      `${NAME}:v1@${DIGEST_1}`,
    );
    const pods = await list('/api/v1/namespaces/qa/pods');
    expect(pods.map(p => p.status.containerStatuses[0].imageID)).toEqual([
      `docker-pullable://${NAME}@${DIGEST_1}`,
    ]);
    // Owner references name their owner's UID, as clients (Backstage's Kubernetes tab) match
    // pods to their ReplicaSet and ReplicaSets to their Deployment by it.
    const [replicaSet] = await list('/apis/apps/v1/namespaces/qa/replicasets');
    expect(replicaSet.metadata.ownerReferences[0].uid).toBe(
      deployment.metadata.uid,
    );
    expect(pods[0].metadata.ownerReferences[0].uid).toBe(
      replicaSet.metadata.uid,
    );
    const previewPods = await list('/api/v1/namespaces/checkout-pr-41/pods');
    expect(previewPods[0].metadata.labels['backstage.io/kubernetes-id']).toBe(
      'checkout',
    );
    // No overlay for staging in this repository: nothing deployed there.
    expect(await list('/apis/apps/v1/namespaces/staging/deployments')).toEqual(
      [],
    );
  });

  it('answers 401 without the token', async () => {
    const res = await fetch(`${demo.url}/api/v1/namespaces`);
    expect(res.status).toBe(401);
  });

  it('plays a synced Argo CD Application per service and environment', async () => {
    const apps = await list(
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications',
    );
    const qa = apps.find(a => a.metadata.name === 'checkout-qa');
    expect(qa.spec.source.path).toBe('apps/checkout/overlays/qa');
    expect(qa.spec.destination.namespace).toBe('qa');
    expect(qa.status.sync).toMatchObject({
      status: 'Synced',
      revision: repo.head(),
    });
    expect(qa.status.operationState.syncResult.revision).toBe(repo.head());
  });

  it('rolls a Deployment to the image a new commit declares, once its Application syncs', async () => {
    const before = repo.head();
    repo.commit(QA, overlay('v2', DIGEST_2));
    const after = repo.head();
    const app = async () =>
      (
        await list('/apis/argoproj.io/v1alpha1/namespaces/argocd/applications')
      ).find(a => a.metadata.name === 'checkout-qa');
    const waiting = await eventually(async () => {
      const found = await app();
      expect(found.status.sync).toMatchObject({
        status: 'OutOfSync',
        revision: after,
      });
      return found;
    });
    expect(waiting.status.operationState.syncResult.revision).toBe(before);
    const [stillOld] = await list('/apis/apps/v1/namespaces/qa/deployments');
    expect(stillOld.spec.template.spec.containers[0].image).toBe(
      `${NAME}:v1@${DIGEST_1}`,
    );
    const rolling = await eventually(async () => {
      const [d] = await list('/apis/apps/v1/namespaces/qa/deployments');
      expect(d.spec.template.spec.containers[0].image).toBe(
        `${NAME}:v2@${DIGEST_2}`,
      );
      return d;
    });
    expect(rolling.status.updatedReplicas).toBeLessThan(
      rolling.status.replicas,
    );
    expect((await app()).status.operationState.syncResult.revision).toBe(after);
    await eventually(async () => {
      const pods = await list('/api/v1/namespaces/qa/pods');
      expect(pods.map(p => p.status.containerStatuses[0].imageID)).toEqual([
        `docker-pullable://${NAME}@${DIGEST_2}`,
      ]);
      expect(
        await list('/apis/apps/v1/namespaces/qa/replicasets'),
      ).toHaveLength(1);
    });
  });
});
