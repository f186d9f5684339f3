import type { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesStandIn } from '../KubernetesStandIn';
import { startKubernetesStandIn } from '../startKubernetesStandIn';
import { argoCdApplication } from './argoCdApplication';
import { fluxKustomization } from './fluxKustomization';

type K8s = typeof import('@kubernetes/client-node');

let k8s: K8s;
let standIn: KubernetesStandIn;

beforeAll(async () => {
  k8s = await import('@kubernetes/client-node');
});

afterEach(async () => {
  await standIn?.stop();
});

function kubeConfig(): KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'stand-in', server: standIn.url, skipTLSVerify: true }],
    users: [{ name: 'reader' }],
    contexts: [{ name: 'stand-in', cluster: 'stand-in', user: 'reader' }],
    currentContext: 'stand-in',
  });
  return kc;
}

const qaApp = argoCdApplication({
  name: 'checkout-qa',
  namespace: 'argocd',
  repoURL: 'https://github.com/acme/gitops.git',
  path: 'k8s/overlays/qa',
  destinationNamespace: 'checkout-qa',
  state: {
    sync: 'Synced',
    revision: 'a'.repeat(40),
    health: 'Healthy',
    operation: {
      phase: 'Succeeded',
      message: 'successfully synced (all tasks run)',
      startedAt: '2026-12-01T10:00:00Z',
      finishedAt: '2026-12-01T10:00:05Z',
      revision: 'a'.repeat(40),
    },
  },
});

describe('GitOps agent kinds on the stand-in', () => {
  it('serves neither agent kind unless its CRD is installed', async () => {
    standIn = await startKubernetesStandIn();
    const res = await fetch(`${standIn.url}/apis/argoproj.io/v1alpha1`);
    expect(res.status).toBe(404);
    expect(
      (await fetch(`${standIn.url}/apis/kustomize.toolkit.fluxcd.io/v1`))
        .status,
    ).toBe(404);
    expect(() => standIn.apply(qaApp)).toThrow(/does not serve/);
  });

  it('describes, lists and watches Argo CD Applications and Flux Kustomizations', async () => {
    standIn = await startKubernetesStandIn({
      crds: { argoCd: true, flux: true },
    });
    standIn.apply(qaApp);
    standIn.apply(
      fluxKustomization({
        name: 'checkout-staging',
        namespace: 'flux-system',
        sourceRef: { kind: 'GitRepository', name: 'gitops' },
        path: './k8s/overlays/staging',
        targetNamespace: 'checkout-staging',
        state: {
          ready: {
            status: 'False',
            reason: 'ReconciliationFailed',
            message: 'kustomize build failed',
            lastTransitionTime: '2026-12-01T10:00:00Z',
          },
          lastAppliedRevision: `main@sha1:${'b'.repeat(40)}`,
          lastAttemptedRevision: `main@sha1:${'c'.repeat(40)}`,
        },
      }),
    );
    const custom = kubeConfig().makeApiClient(k8s.CustomObjectsApi);
    const argo = await custom.getAPIResources({
      group: 'argoproj.io',
      version: 'v1alpha1',
    });
    expect(argo.resources).toEqual([
      expect.objectContaining({
        name: 'applications',
        kind: 'Application',
        namespaced: true,
        verbs: expect.arrayContaining(['list', 'watch', 'patch']),
      }),
    ]);
    const flux = await custom.getAPIResources({
      group: 'kustomize.toolkit.fluxcd.io',
      version: 'v1',
    });
    expect(flux.resources.map(r => r.name)).toEqual(['kustomizations']);

    const apps = await custom.listClusterCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'applications',
    });
    expect(apps.items).toEqual([
      expect.objectContaining({
        kind: 'Application',
        status: expect.objectContaining({
          sync: expect.objectContaining({ status: 'Synced' }),
          operationState: expect.objectContaining({
            phase: 'Succeeded',
            syncResult: expect.objectContaining({ revision: 'a'.repeat(40) }),
          }),
        }),
      }),
    ]);

    const seen: string[] = [];
    const controller = await new k8s.Watch(kubeConfig()).watch(
      '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations',
      { resourceVersion: apps.metadata?.resourceVersion },
      (type, object) =>
        seen.push(`${type} ${object.status.lastAppliedRevision}`),
      () => {},
    );
    standIn.apply(
      fluxKustomization({
        name: 'checkout-staging',
        namespace: 'flux-system',
        sourceRef: { kind: 'GitRepository', name: 'gitops' },
        path: './k8s/overlays/staging',
        targetNamespace: 'checkout-staging',
        state: {
          ready: {
            status: 'True',
            reason: 'ReconciliationSucceeded',
            message: 'Applied revision: main@sha1:ccc',
            lastTransitionTime: '2026-12-01T10:01:00Z',
          },
          lastAppliedRevision: `main@sha1:${'c'.repeat(40)}`,
        },
      }),
    );
    const deadline = Date.now() + 3000;
    while (seen.length === 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 20));
    }
    controller.abort();
    expect(seen).toEqual([`MODIFIED main@sha1:${'c'.repeat(40)}`]);
  });

  it('applies a JSON merge patch to a custom object and records it', async () => {
    standIn = await startKubernetesStandIn({ crds: { argoCd: true } });
    standIn.apply(qaApp);
    const path =
      '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/checkout-qa';
    const patch = {
      metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } },
    };
    const refused = await fetch(`${standIn.url}${path}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([]),
    });
    expect(refused.status).toBe(415);
    const res = await fetch(`${standIn.url}${path}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify(patch),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.metadata.annotations).toEqual({
      'argocd.argoproj.io/refresh': 'normal',
    });
    expect(body.status.sync.status).toBe('Synced');
    expect(standIn.patches()).toEqual([
      { path, contentType: 'application/merge-patch+json', body: patch },
    ]);
    const missing = await fetch(`${standIn.url}${path}-nope`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify(patch),
    });
    expect(missing.status).toBe(404);
  });
});
