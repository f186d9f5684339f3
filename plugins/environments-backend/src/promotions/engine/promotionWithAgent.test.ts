// Runs with --experimental-vm-modules (the ESM-only @kubernetes/client-node); under it Jest
// refuses the Azure SDK's require() of an ESM-only module, and nothing here uses Azure.
jest.mock('@azure/identity', () => ({}));
jest.mock('@azure/storage-blob', () => ({}));

import {
  argoCdApplication,
  type ArgoCdApplicationState,
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  aliceRequests,
  promotionWorld,
  REF,
} from '../__testUtils__/promotionWorld';
import { eventually } from '../../kubernetes/__testUtils__/eventually';
import { startClusterStateStore } from '../../kubernetes/__testUtils__/startClusterStateStore';
import type { ClusterStateStore } from '../../kubernetes/cache/ClusterStateStore';
import type { ClusterStateReader } from '../../kubernetes/types';
import { AgentRefresher } from '../../kubernetes/writer/AgentRefresher';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const OLD = 'f'.repeat(40);
const HOUR = 3600_000;

let standIn: KubernetesStandIn;
let clusters: ClusterStateStore;

beforeEach(async () => {
  standIn = await startKubernetesStandIn({ crds: { argoCd: true } });
  clusters = await startClusterStateStore([
    { name: 'local', url: standIn.url },
  ]);
});

afterEach(async () => {
  await clusters?.stop();
  await standIn?.stop();
});

/** The Argo CD Application of staging, as Argo CD would report it. */
function stagingApp(state: ArgoCdApplicationState) {
  standIn.apply(
    argoCdApplication({
      name: 'checkout-staging',
      namespace: 'argocd',
      repoURL: 'https://github.com/acme/gitops.git',
      path: 'k8s/overlays/staging',
      destinationNamespace: 'staging',
      state,
    }),
  );
}

const synced = (revision: string): ArgoCdApplicationState => ({
  sync: 'Synced',
  revision,
  health: 'Healthy',
  operation: {
    phase: 'Succeeded',
    startedAt: '2026-11-20T12:00:00Z',
    finishedAt: '2026-11-20T12:00:05Z',
    revision,
  },
});

/** Checkout on qa -> staging; workloads from the fake cluster, the agent from the stand-in. */
async function world(agent: object = {}) {
  const w = await promotionWorld(databases, 'SQLITE_3', {
    environments: {
      chains: {
        default: [{ name: 'qa' }, { name: 'staging', ...agent }],
      },
      gitops: { mode: 'commit' },
    },
  });
  (w.clusters as ClusterStateReader).getAgentStatus = query =>
    clusters.getAgentStatus(query);
  return w;
}

async function stagingView(w: Awaited<ReturnType<typeof world>>) {
  const view = await w.view.getEnvironments(REF, { credentials: ALICE });
  return view.environments.find(e => e.name === 'staging')!;
}

describe('a promotion into an environment with an Argo CD Application', () => {
  it('waits for sync, rolls out once the agent applied its commit, then succeeds', async () => {
    stagingApp(synced(OLD));
    const w = await world();
    await eventually(async () =>
      expect((await stagingView(w)).agent).toMatchObject({
        name: 'checkout-staging',
        sync: 'synced',
        appliedRevision: OLD,
      }),
    );

    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    const commit = (await w.store.get(promotion.id))!.links.commit!.sha;
    stagingApp({ ...synced(OLD), sync: 'OutOfSync', revision: commit });
    await eventually(async () =>
      expect((await stagingView(w)).agent?.sync).toBe('out-of-sync'),
    );
    await w.engine.advanceAll();
    const waiting = await w.store.get(promotion.id);
    expect(waiting).toMatchObject({
      state: 'rolling-out',
      stateReason: `Waiting for sync: Argo CD Application argocd/checkout-staging has not applied commit ${commit.slice(
        0,
        7,
      )} yet`,
    });
    expect((await stagingView(w)).sync.status).toBe('waiting-for-sync');

    // The agent applies the commit; the pods are still the old version.
    stagingApp(synced(commit));
    await eventually(async () =>
      expect((await stagingView(w)).agent?.appliedRevision).toBe(commit),
    );
    await w.engine.advanceAll();
    expect(await w.store.get(promotion.id)).toMatchObject({
      state: 'rolling-out',
      stateReason: expect.stringMatching(
        new RegExp(
          `^Rolling out: Argo CD Application argocd/checkout-staging applied ${commit.slice(
            0,
            7,
          )} at 2026-11-20T12:00:05Z; waiting for staging to run`,
        ),
      ),
    });

    w.runs('staging', 'v3');
    await w.engine.advanceAll();
    expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
    const audit = await w.store.listAudit({ promotionId: promotion.id });
    expect(audit.filter(e => e.action === 'promotion.agent-applied')).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          `applied ${commit.slice(0, 7)} at 2026-11-20T12:00:05Z`,
        ),
      }),
    ]);
  });

  it("shows the agent's error while its sync fails, and fails with it at the rollout timeout", async () => {
    stagingApp(synced(OLD));
    const w = await world();
    await eventually(async () =>
      expect((await stagingView(w)).agent).toBeDefined(),
    );
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    const commit = (await w.store.get(promotion.id))!.links.commit!.sha;
    stagingApp({
      sync: 'OutOfSync',
      revision: commit,
      health: 'Degraded',
      operation: {
        phase: 'Failed',
        message:
          'one or more objects failed to apply: admission webhook denied',
        startedAt: '2026-11-20T12:01:00Z',
        finishedAt: '2026-11-20T12:01:09Z',
        revision: commit,
      },
    });
    await eventually(async () =>
      expect((await stagingView(w)).agent?.sync).toBe('sync-failed'),
    );
    const view = await stagingView(w);
    expect(view.sync).toMatchObject({
      status: 'sync-failed',
      reason:
        'Argo CD Application argocd/checkout-staging failed to sync: one or more objects failed to apply: admission webhook denied',
    });
    await w.engine.advanceAll();
    expect(await w.store.get(promotion.id)).toMatchObject({
      state: 'rolling-out',
      stateReason: `Argo CD Application argocd/checkout-staging failed to sync commit ${commit.slice(
        0,
        7,
      )}: one or more objects failed to apply: admission webhook denied`,
    });

    w.clock.advance(2 * HOUR);
    await w.engine.advanceAll();
    expect(await w.store.get(promotion.id)).toMatchObject({
      state: 'failed',
      stateReason: expect.stringContaining('admission webhook denied'),
    });
  });

  async function promoteWithRefresh(refresh: boolean) {
    stagingApp(synced(OLD));
    const w = await world({
      agent: {
        kind: 'argo-cd',
        name: 'checkout-staging',
        namespace: 'argocd',
        refresh,
      },
    });
    w.deps.agentRefresher = AgentRefresher.create({
      clusters: [{ name: 'local', url: standIn.url }],
    });
    await eventually(async () =>
      expect((await stagingView(w)).agent).toBeDefined(),
    );
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    await w.engine.advanceAll();
    await w.engine.advanceAll();
    expect((await w.store.get(promotion.id))?.stateReason).toMatch(
      /^Waiting for sync/,
    );
    const audit = await w.store.listAudit({ promotionId: promotion.id });
    return audit.filter(e => e.action === 'promotion.agent-refresh');
  }

  it('asks the agent to sync now with exactly the refresh annotation, once, when configured', async () => {
    const refreshes = await promoteWithRefresh(true);
    expect(standIn.patches()).toEqual([
      {
        path: '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/checkout-staging',
        contentType: 'application/merge-patch+json',
        body: {
          metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } },
        },
      },
    ]);
    expect(refreshes).toEqual([
      expect.objectContaining({
        result: 'succeeded',
        actor: 'stageline:engine',
        message:
          "Asked Argo CD Application argocd/checkout-staging on cluster 'local' to sync now",
      }),
    ]);
  });

  it('does not nudge unless configured', async () => {
    expect(await promoteWithRefresh(false)).toEqual([]);
    expect(standIn.patches()).toEqual([]);
  });

  it('audits a refusal by the cluster and goes on waiting', async () => {
    standIn.setFailure('/apis/argoproj.io/v1alpha1/namespaces/argocd', 403);
    const refreshes = await promoteWithRefresh(true);
    expect(refreshes).toEqual([
      expect.objectContaining({
        result: 'refused',
        message: expect.stringContaining(
          "its service account needs the 'patch' verb on 'applications'",
        ),
      }),
    ]);
  });
});
