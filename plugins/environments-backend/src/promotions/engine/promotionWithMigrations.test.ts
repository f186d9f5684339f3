// Runs with --experimental-vm-modules (the ESM-only @kubernetes/client-node); under it Jest
// refuses the Azure SDK's require() of an ESM-only module, and nothing here uses Azure.
jest.mock('@azure/identity', () => ({}));
jest.mock('@azure/storage-blob', () => ({}));

import {
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { aDigest } from '../store/__testUtils__/aDigest';
import {
  createMockDirectory,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  aliceRequests,
  IMAGE,
  promotionWorld,
  REF,
} from '../__testUtils__/promotionWorld';
import { realGitOverlayWriter } from '../__testUtils__/realGitOverlayWriter';
import { waitingFor } from '../waitingFor';
import { migrationsJobManifest } from '../../gitops/__testUtils__/migrationsJobManifest';
import { eventually } from '../../kubernetes/__testUtils__/eventually';
import {
  jobObject,
  type TestJobPhase,
} from '../../kubernetes/__testUtils__/jobObject';
import { startClusterStateStore } from '../../kubernetes/__testUtils__/startClusterStateStore';
import {
  deploymentObject,
  podObject,
  replicaSetObject,
} from '../../kubernetes/__testUtils__/workloadObjects';
import type { ClusterStateStore } from '../../kubernetes/cache/ClusterStateStore';
import type { ClusterStateReader } from '../../kubernetes/types';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const mockDir = createMockDirectory();
let run = 0;
const STAGING = 'k8s/overlays/staging/kustomization.yaml';

let standIn: KubernetesStandIn;
let clusters: ClusterStateStore;

beforeEach(async () => {
  standIn = await startKubernetesStandIn();
  clusters = await startClusterStateStore([
    { name: 'local', url: standIn.url },
  ]);
});

afterEach(async () => {
  await clusters?.stop();
  await standIn?.stop();
});

/** Staging's Deployment on the stand-in, every pod ready on `tag`'s digest. */
function stagingRuns(tag: string) {
  const image = `${IMAGE}:${tag}`;
  standIn.apply(deploymentObject({ namespace: 'staging', image, replicas: 1 }));
  standIn.apply(
    replicaSetObject({
      name: `checkout-${tag}`,
      deployment: 'checkout',
      namespace: 'staging',
      createdAt: '2026-11-20T11:00:00Z',
    }),
  );
  standIn.apply(
    podObject({
      name: `checkout-${tag}-0`,
      namespace: 'staging',
      image,
      imageID: `${IMAGE}@${aDigest(tag)}`,
      owner: { kind: 'ReplicaSet', name: `checkout-${tag}` },
    }),
  );
}

/** The migrations Job of v3 in staging, as the Job controller reports it. */
function migrationOfV3(phase: TestJobPhase) {
  standIn.apply(
    jobObject({
      name: 'checkout-migrate-v3',
      namespace: 'staging',
      image: `${IMAGE}:v3@${aDigest('v3')}`,
      phase,
      failureMessage: 'Job has reached the specified backoff limit',
    }),
  );
  if (phase !== 'failed') return;
  standIn.apply(
    podObject({
      name: 'checkout-migrate-v3-x7k2p',
      namespace: 'staging',
      image: `${IMAGE}:v3`,
      owner: { kind: 'Job', name: 'checkout-migrate-v3' },
      labels: { 'job-name': 'checkout-migrate-v3' },
      state: {
        terminated: {
          reason: 'Error',
          exitCode: 1,
          message: 'column "total" of relation "orders" contains null values',
        },
      },
    }),
  );
}

/**
 * qa (v3) -> staging: staging's workloads and Jobs come from the stand-in. With
 * `declaresMigrations`, staging's overlay lists a migrations Job in its resources.
 */
async function world(
  id: TestDatabaseId,
  options: { declaresMigrations?: boolean } = {},
) {
  const w = await promotionWorld(databases, id, {
    environments: {
      chains: { default: [{ name: 'qa' }, { name: 'staging' }] },
      gitops: { mode: 'commit' },
    },
  });
  if (options.declaresMigrations) {
    w.repo.files.set(
      STAGING,
      w.repo.files
        .get(STAGING)!
        .replace('  - ../../base\n', '  - ../../base\n  - migrate.yaml\n'),
    );
    w.repo.files.set(
      'k8s/overlays/staging/migrate.yaml',
      migrationsJobManifest(`${IMAGE}:latest`),
    );
    // The real writer: a commit that edits the image entry and keeps the resources.
    const git = await realGitOverlayWriter(
      w.repo,
      mockDir.resolve(`r${run++}`),
    );
    w.deps.writers = { resolve: () => git.writer };
  }
  const fake = w.clusters as ClusterStateReader;
  const fakeLive = fake.getLiveState.bind(fake);
  fake.getLiveState = query =>
    query.namespace === 'staging'
      ? clusters.getLiveState({ ...query, cluster: 'local' })
      : fakeLive(query);
  // Staging runs nothing on the stand-in yet: the rollout waits until v3 appears there.
  const { promotion } = await aliceRequests(w, 'staging');
  await w.engine.idle();
  expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
  return { w, promotion };
}

async function stagingMigration(w: Awaited<ReturnType<typeof world>>['w']) {
  const view = await w.view.getEnvironments(REF, { credentials: ALICE });
  return view.environments.find(e => e.name === 'staging')?.live?.migration;
}

// SQLite always, PostgreSQL whenever a connection string is configured.
describe.each(requiredTestDatabaseIds())(
  'a promotion whose target runs a migrations Job (%s)',
  id => {
    it('does not count the rollout healthy before the Job succeeded, then finishes', async () => {
      const { w, promotion } = await world(id);
      // The Deployment is ready on the new digest, but the migrations Job still runs.
      stagingRuns('v3');
      migrationOfV3('running');
      await eventually(async () =>
        expect((await stagingMigration(w))?.phase).toBe('running'),
      );
      await w.engine.advanceAll();
      const waiting = (await w.store.get(promotion.id))!;
      expect(waiting).toMatchObject({
        state: 'rolling-out',
        stateReason:
          'Migrations Job checkout-migrate-v3 is running: the rollout counts once it succeeded',
      });
      expect(
        waitingFor(waiting, { now: w.clock.now(), instanceId: 'instance-a' }),
      ).toEqual({ kind: 'migrations', detail: waiting.stateReason });

      migrationOfV3('succeeded');
      await eventually(async () =>
        expect((await stagingMigration(w))?.phase).toBe('succeeded'),
      );
      await w.engine.advanceAll();
      expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
    });

    it('fails with the Job and pod messages when the Job fails, and never rolls back', async () => {
      const { w, promotion } = await world(id);
      // v2 still runs while v3's migrations run first.
      stagingRuns('v2');
      migrationOfV3('running');
      await eventually(async () =>
        expect((await stagingMigration(w))?.phase).toBe('running'),
      );
      await w.engine.advanceAll();
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');

      migrationOfV3('failed');
      await eventually(async () =>
        expect((await stagingMigration(w))?.message).toContain('null values'),
      );
      await w.engine.advanceAll();
      expect(await w.store.get(promotion.id)).toMatchObject({
        state: 'failed',
        stateReason:
          'Migrations Job checkout-migrate-v3 failed: BackoffLimitExceeded: Job has reached the specified backoff limit; last pod: column "total" of relation "orders" contains null values',
      });
      // No rollback: staging's overlay keeps v3 and no other promotion was written.
      expect(w.repo.files.get(STAGING)).toContain(aDigest('v3'));
      expect(
        await w.store.listByEntity('component:default/checkout'),
      ).toHaveLength(1);
    });

    it('waits for a migrations Job Git declares that the cluster does not show yet', async () => {
      const { w, promotion } = await world(id, { declaresMigrations: true });
      // The Deployment is ready on the new digest before the agent applied the Job.
      stagingRuns('v3');
      await eventually(async () => {
        const view = await w.view.getEnvironments(REF, { credentials: ALICE });
        const staging = view.environments.find(e => e.name === 'staging');
        expect(staging?.live?.image?.tag).toBe('v3');
        expect(staging?.desired?.migrationsJob).toBe(true);
      });
      await w.engine.advanceAll();
      const pending = (await w.store.get(promotion.id))!;
      expect(pending).toMatchObject({
        state: 'rolling-out',
        stateReason:
          'Migrations Job is pending: declared in Git, not yet applied to the cluster; the rollout counts once it succeeded',
      });
      expect(
        waitingFor(pending, { now: w.clock.now(), instanceId: 'instance-a' }),
      ).toEqual({ kind: 'migrations', detail: pending.stateReason });
      // The overlay kept its declaration through the write.
      expect(w.repo.files.get(STAGING)).toContain('migrate.yaml');

      migrationOfV3('running');
      await eventually(async () =>
        expect((await stagingMigration(w))?.phase).toBe('running'),
      );
      await w.engine.advanceAll();
      expect(await w.store.get(promotion.id)).toMatchObject({
        state: 'rolling-out',
        stateReason:
          'Migrations Job checkout-migrate-v3 is running: the rollout counts once it succeeded',
      });

      migrationOfV3('succeeded');
      await eventually(async () =>
        expect((await stagingMigration(w))?.phase).toBe('succeeded'),
      );
      await w.engine.advanceAll();
      expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
    });

    it('counts the rollout at once when Git declares no migrations Job and the cluster shows none', async () => {
      const { w, promotion } = await world(id);
      stagingRuns('v3');
      await eventually(async () => {
        const view = await w.view.getEnvironments(REF, { credentials: ALICE });
        const staging = view.environments.find(e => e.name === 'staging');
        expect(staging?.live?.image?.tag).toBe('v3');
        expect(staging?.desired).not.toHaveProperty('migrationsJob');
      });
      await w.engine.advanceAll();
      expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
    });

    it('ignores a migrations Job of another version', async () => {
      const { w, promotion } = await world(id);
      standIn.apply(
        jobObject({
          name: 'checkout-migrate-v2',
          namespace: 'staging',
          image: `${IMAGE}:v2@${aDigest('v2')}`,
          phase: 'failed',
        }),
      );
      stagingRuns('v3');
      await eventually(async () =>
        expect((await stagingMigration(w))?.job).toBe('checkout-migrate-v2'),
      );
      await w.engine.advanceAll();
      expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
    });
  },
);
