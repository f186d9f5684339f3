import {
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import { eventually } from '../__testUtils__/eventually';
import { jobObject } from '../__testUtils__/jobObject';
import { seedService } from '../__testUtils__/seedService';
import { startClusterStateStore } from '../__testUtils__/startClusterStateStore';
import { ID_LABEL, IMAGE, podObject } from '../__testUtils__/workloadObjects';
import type { ClusterStateStore } from './ClusterStateStore';

const TOKEN = 'stand-in-token';
const CHECKOUT = {
  cluster: 'local',
  namespace: 'qa',
  labelSelector: `${ID_LABEL}=checkout`,
  primaryImage: IMAGE,
};

let standIn: KubernetesStandIn;
let store: ClusterStateStore;

beforeAll(async () => {
  standIn = await startKubernetesStandIn({ token: TOKEN });
  seedService(standIn, { namespace: 'qa', id: 'checkout' });
  seedService(standIn, { namespace: 'qa', id: 'payments', digestChar: 'b' });
  store = await startClusterStateStore([
    { name: 'local', url: standIn.url, serviceAccountToken: TOKEN },
  ]);
});

afterAll(async () => {
  await store?.stop();
  await standIn?.stop();
});

async function migration(query: Partial<typeof CHECKOUT> = {}) {
  const result = await store.getLiveState({ ...CHECKOUT, ...query });
  if (!result.ok) throw new Error(result.reason);
  return result.value?.migration;
}

describe('migrations Jobs in the cluster cache', () => {
  it('has none while the service has no Job', async () => {
    expect(await migration()).toBeUndefined();
  });

  it('follows the newest Job running the service image, from pending to succeeded', async () => {
    standIn.apply(jobObject({ name: 'migrate-v2', phase: 'pending' }));
    // Another service's Job, and a Job of the service running another image: not its migrations.
    standIn.apply(
      jobObject({ name: 'payments-migrate', phase: 'running', id: 'payments' }),
    );
    standIn.apply(
      jobObject({
        name: 'report',
        phase: 'running',
        image: 'registry.example.com/shop/reports:v1',
        createdAt: '2024-05-01T11:00:00Z',
      }),
    );
    await eventually(async () =>
      expect(await migration()).toEqual({
        job: 'migrate-v2',
        image: { name: IMAGE, tag: 'v2' },
        phase: 'pending',
        startedAt: '2024-05-01T10:00:01Z',
      }),
    );
    standIn.apply(jobObject({ name: 'migrate-v2', phase: 'running' }));
    await eventually(async () =>
      expect((await migration())?.phase).toBe('running'),
    );
    standIn.apply(jobObject({ name: 'migrate-v2', phase: 'succeeded' }));
    await eventually(async () =>
      expect(await migration()).toMatchObject({
        phase: 'succeeded',
        completedAt: '2024-05-01T10:01:00Z',
      }),
    );
    expect(
      (await migration({ labelSelector: `${ID_LABEL}=payments` }))?.job,
    ).toBe('payments-migrate');
  });

  it('takes a Job labelled as the migrations step whatever its image, and says why it failed', async () => {
    standIn.apply(
      jobObject({
        name: 'schema-v3',
        phase: 'failed',
        image: 'registry.example.com/tools/flyway:10',
        labels: { 'stageline.io/step': 'migrations' },
        createdAt: '2024-05-01T12:00:00Z',
        failureMessage: 'Job has reached the specified backoff limit',
      }),
    );
    standIn.apply(
      podObject({
        name: 'schema-v3-abcde',
        owner: { kind: 'Job', name: 'schema-v3' },
        labels: { 'job-name': 'schema-v3' },
        state: {
          terminated: {
            reason: 'Error',
            exitCode: 1,
            message: 'relation "orders" already exists',
          },
        },
      }),
    );
    await eventually(async () =>
      expect(await migration()).toEqual({
        job: 'schema-v3',
        image: { name: 'registry.example.com/tools/flyway', tag: '10' },
        phase: 'failed',
        message:
          'BackoffLimitExceeded: Job has reached the specified backoff limit; last pod: relation "orders" already exists',
        startedAt: '2024-05-01T10:00:01Z',
        completedAt: '2024-05-01T10:01:00Z',
      }),
    );
  });
});
