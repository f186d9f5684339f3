import {
  argoCdApplication,
  type ArgoCdApplicationState,
  fluxKustomization,
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { eventually } from '../__testUtils__/eventually';
import { startClusterStateStore } from '../__testUtils__/startClusterStateStore';
import type { ClusterStateStore } from './ClusterStateStore';
import type { AgentQuery } from '../AgentQuery';

const REPO = 'https://github.com/acme/gitops.git';
const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

let workloads: KubernetesStandIn;
let management: KubernetesStandIn;
let plain: KubernetesStandIn;
let store: ClusterStateStore;

function match(env: string): AgentQuery['match'] {
  return {
    repositories: ['github.com/acme/gitops'],
    path: `k8s/overlays/${env}`,
    namespace: `checkout-${env}`,
  };
}

function app(env: string, state: ArgoCdApplicationState) {
  return argoCdApplication({
    name: `checkout-${env}`,
    namespace: 'argocd',
    repoURL: REPO,
    path: `k8s/overlays/${env}`,
    destinationNamespace: `checkout-${env}`,
    state,
  });
}

const succeeded = (revision: string) => ({
  phase: 'Succeeded' as const,
  message: 'successfully synced (all tasks run)',
  startedAt: '2026-12-01T10:00:00Z',
  finishedAt: '2026-12-01T10:00:05Z',
  revision,
});

async function agentOf(query: AgentQuery) {
  const result = await store.getAgentStatus(query);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

beforeAll(async () => {
  workloads = await startKubernetesStandIn({
    crds: { argoCd: true, flux: true },
  });
  management = await startKubernetesStandIn({ crds: { argoCd: true } });
  plain = await startKubernetesStandIn();
  workloads.apply(
    app('qa', {
      sync: 'Synced',
      revision: SHA_A,
      health: 'Healthy',
      operation: succeeded(SHA_A),
    }),
  );
  workloads.apply(
    app('staging', {
      sync: 'OutOfSync',
      revision: SHA_B,
      health: 'Healthy',
      operation: succeeded(SHA_A),
    }),
  );
  workloads.apply(
    app('production', {
      sync: 'OutOfSync',
      revision: SHA_B,
      health: 'Degraded',
      operation: {
        phase: 'Failed',
        message:
          'one or more objects failed to apply, reason: Deployment.apps "checkout" is invalid',
        startedAt: '2026-12-01T10:00:00Z',
        finishedAt: '2026-12-01T10:00:09Z',
        revision: SHA_B,
      },
      conditions: [{ type: 'SyncError', message: 'Failed sync attempt' }],
    }),
  );
  workloads.apply(
    app('perf', {
      sync: 'Synced',
      revision: SHA_A,
      health: 'Degraded',
      operation: succeeded(SHA_A),
    }),
  );
  workloads.apply(
    fluxKustomization({
      name: 'checkout-demo',
      namespace: 'flux-system',
      sourceRef: { kind: 'GitRepository', name: 'gitops' },
      path: './k8s/overlays/demo',
      targetNamespace: 'checkout-demo',
      state: {
        ready: {
          status: 'False',
          reason: 'ReconciliationFailed',
          message: 'kustomize build failed: missing resource',
          lastTransitionTime: '2026-12-01T10:00:00Z',
        },
        lastAppliedRevision: `main@sha1:${SHA_A}`,
        lastAttemptedRevision: `main@sha1:${SHA_B}`,
      },
    }),
  );
  management.apply(
    argoCdApplication({
      name: 'checkout-qa-remote',
      namespace: 'argocd',
      repoURL: 'git@github.com:acme/gitops.git',
      path: './k8s/overlays/qa/',
      destinationNamespace: 'checkout-qa',
      destinationServer: 'https://workloads.example.com:6443',
      state: {
        sync: 'Synced',
        revision: SHA_B,
        health: 'Healthy',
        operation: succeeded(SHA_B),
      },
    }),
  );
  store = await startClusterStateStore([
    { name: 'workloads', url: workloads.url },
    { name: 'mgmt', url: management.url },
    { name: 'plain', url: plain.url },
  ]);
});

afterAll(async () => {
  await store?.stop();
  await Promise.all([workloads, management, plain].map(s => s?.stop()));
});

describe('GitOps agent status from the watch cache', () => {
  it('reads a synced Application matched by repository, path and namespace', async () => {
    const agent = await eventually(async () => {
      const found = await agentOf({ cluster: 'workloads', match: match('qa') });
      expect(found).toBeDefined();
      return found;
    });
    expect(agent).toEqual({
      kind: 'argo-cd',
      name: 'checkout-qa',
      namespace: 'argocd',
      cluster: 'workloads',
      sync: 'synced',
      appliedRevision: SHA_A,
      appliedAt: '2026-12-01T10:00:05Z',
      health: 'Healthy',
      operation: {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        finishedAt: '2026-12-01T10:00:05Z',
      },
    });
  });

  it('reads out of sync, sync failed and degraded', async () => {
    expect(
      await agentOf({ cluster: 'workloads', match: match('staging') }),
    ).toMatchObject({ sync: 'out-of-sync', appliedRevision: SHA_A });
    const failed = await agentOf({
      cluster: 'workloads',
      match: match('production'),
    });
    expect(failed).toMatchObject({
      sync: 'sync-failed',
      health: 'Degraded',
      lastSyncError:
        'one or more objects failed to apply, reason: Deployment.apps "checkout" is invalid',
    });
    expect(failed?.appliedRevision).toBeUndefined();
    expect(
      await agentOf({ cluster: 'workloads', match: match('perf') }),
    ).toMatchObject({ sync: 'synced', health: 'Degraded' });
    expect(
      await agentOf({ cluster: 'workloads', match: match('demo') }),
    ).toMatchObject({
      kind: 'flux',
      name: 'checkout-demo',
      sync: 'sync-failed',
      health: 'NotReady',
      appliedRevision: SHA_A,
      lastSyncError: 'kustomize build failed: missing resource',
    });
  });

  it('finds an Application on a separate agent cluster, with a link to the Argo CD UI', async () => {
    const agent = await eventually(async () => {
      const found = await agentOf({
        cluster: 'mgmt',
        match: match('qa'),
        argoCdUiBaseUrl: 'https://argocd.example.com',
      });
      expect(found).toBeDefined();
      return found;
    });
    expect(agent).toMatchObject({
      name: 'checkout-qa-remote',
      cluster: 'mgmt',
      sync: 'synced',
      appliedRevision: SHA_B,
      url: 'https://argocd.example.com/applications/argocd/checkout-qa-remote',
    });
  });

  it('reads the object config names, and says when it is missing', async () => {
    expect(
      await agentOf({
        cluster: 'workloads',
        named: {
          kind: 'flux',
          name: 'checkout-demo',
          namespace: 'flux-system',
        },
        match: match('elsewhere'),
      }),
    ).toMatchObject({ kind: 'flux', name: 'checkout-demo' });
    const missing = await store.getAgentStatus({
      cluster: 'workloads',
      named: { kind: 'argo-cd', name: 'nope', namespace: 'argocd' },
      match: match('qa'),
    });
    expect(missing).toMatchObject({
      ok: false,
      reason: expect.stringContaining(
        "Argo CD Application 'argocd/nope' is not on cluster 'workloads'",
      ),
    });
  });

  it('refuses to guess between several matching objects', async () => {
    workloads.apply({
      ...app('qa', { sync: 'Synced', health: 'Healthy' }),
      metadata: { name: 'checkout-qa-copy', namespace: 'argocd' },
    });
    await eventually(async () => {
      const result = await store.getAgentStatus({
        cluster: 'workloads',
        match: match('qa'),
      });
      expect(result).toMatchObject({
        ok: false,
        reason: expect.stringContaining(
          'Application argocd/checkout-qa, Application argocd/checkout-qa-copy',
        ),
      });
    });
    workloads.remove(
      'argoproj.io/v1alpha1',
      'Application',
      'argocd',
      'checkout-qa-copy',
    );
  });

  it('answers no agent, without an error, where neither CRD is installed', async () => {
    expect(
      await store.getAgentStatus({ cluster: 'plain', match: match('qa') }),
    ).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('follows an Application as it syncs, from the watch', async () => {
    workloads.apply(
      app('staging', {
        sync: 'Synced',
        revision: SHA_B,
        health: 'Healthy',
        operation: succeeded(SHA_B),
      }),
    );
    await eventually(async () =>
      expect(
        await agentOf({ cluster: 'workloads', match: match('staging') }),
      ).toMatchObject({ sync: 'synced', appliedRevision: SHA_B }),
    );
  });
});
