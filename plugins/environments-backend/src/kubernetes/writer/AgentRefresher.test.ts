import {
  argoCdApplication,
  fluxKustomization,
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { AgentRefresher } from './AgentRefresher';

const TOKEN = 'stand-in-token';
const NOW = new Date('2026-12-01T10:00:00.000Z');
let standIn: KubernetesStandIn;
let refresher: AgentRefresher;

beforeAll(async () => {
  standIn = await startKubernetesStandIn({
    token: TOKEN,
    crds: { argoCd: true, flux: true },
  });
  standIn.apply(
    argoCdApplication({
      name: 'checkout-qa',
      namespace: 'argocd',
      repoURL: 'https://github.com/acme/gitops.git',
      path: 'k8s/overlays/qa',
      destinationNamespace: 'qa',
      state: { sync: 'OutOfSync', health: 'Healthy' },
    }),
  );
  standIn.apply(
    fluxKustomization({
      name: 'checkout-qa',
      namespace: 'flux-system',
      sourceRef: { kind: 'GitRepository', name: 'gitops' },
      path: './k8s/overlays/qa',
      targetNamespace: 'qa',
      state: {
        ready: {
          status: 'True',
          reason: 'ReconciliationSucceeded',
          message: 'Applied revision',
          lastTransitionTime: '2026-12-01T09:00:00Z',
        },
      },
    }),
  );
  refresher = AgentRefresher.create({
    clusters: [{ name: 'local', url: standIn.url, serviceAccountToken: TOKEN }],
  });
});

afterAll(async () => {
  await standIn?.stop();
});

describe('AgentRefresher against the stand-in', () => {
  it('patches exactly the Argo CD refresh annotation, as a JSON merge patch', async () => {
    const before = standIn.patches().length;
    await refresher.refresh(
      {
        kind: 'argo-cd',
        cluster: 'local',
        namespace: 'argocd',
        name: 'checkout-qa',
      },
      NOW,
    );
    expect(standIn.patches().slice(before)).toEqual([
      {
        path: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/checkout-qa',
        contentType: 'application/merge-patch+json',
        body: {
          metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } },
        },
      },
    ]);
  });

  it('patches exactly the Flux requestedAt annotation with the time of asking', async () => {
    const before = standIn.patches().length;
    await refresher.refresh(
      {
        kind: 'flux',
        cluster: 'local',
        namespace: 'flux-system',
        name: 'checkout-qa',
      },
      NOW,
    );
    expect(standIn.patches().slice(before)).toEqual([
      {
        path: '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/checkout-qa',
        contentType: 'application/merge-patch+json',
        body: {
          metadata: {
            annotations: {
              'reconcile.fluxcd.io/requestedAt': '2026-12-01T10:00:00.000Z',
            },
          },
        },
      },
    ]);
  });

  it('refuses bad names and unknown clusters before any request, and names a missing object', async () => {
    const before = standIn.patches().length;
    await expect(
      refresher.refresh(
        { kind: 'flux', cluster: 'local', namespace: '../x', name: 'a' },
        NOW,
      ),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      refresher.refresh(
        { kind: 'flux', cluster: 'elsewhere', namespace: 'x', name: 'a' },
        NOW,
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(standIn.patches().length).toBe(before);
    await expect(
      refresher.refresh(
        {
          kind: 'argo-cd',
          cluster: 'local',
          namespace: 'argocd',
          name: 'gone',
        },
        NOW,
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('says which verb is missing when the cluster refuses (403)', async () => {
    standIn.setFailure('/apis/argoproj.io', 403);
    await expect(
      refresher.refresh(
        {
          kind: 'argo-cd',
          cluster: 'local',
          namespace: 'argocd',
          name: 'checkout-qa',
        },
        NOW,
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        "its service account needs the 'patch' verb on 'applications'",
      ),
    });
    standIn.setFailure('/apis/argoproj.io', undefined);
  });
});
