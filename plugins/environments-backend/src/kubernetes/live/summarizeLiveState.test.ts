import {
  deploymentObject,
  digest,
  IMAGE,
  podObject,
  replicaSetObject,
  statefulSetObject,
} from '../__testUtils__/workloadObjects';
import { summarizeLiveState } from './summarizeLiveState';

const RS_OLD = replicaSetObject({
  name: 'checkout-old',
  revision: 1,
  createdAt: '2024-04-01T00:00:00Z',
});
const RS_NEW = replicaSetObject({
  name: 'checkout-new',
  revision: 2,
  createdAt: '2024-05-01T09:59:00Z',
});
const OWNER = { kind: 'ReplicaSet', name: 'checkout-new' };
const LONG_AGO = '2020-01-01T00:00:00Z';

function summarize(input: Partial<Parameters<typeof summarizeLiveState>[0]>) {
  return summarizeLiveState({
    cluster: 'local',
    namespace: 'qa',
    deployments: [],
    statefulSets: [],
    replicaSets: [],
    pods: [],
    ...input,
  });
}

describe('summarizeLiveState', () => {
  it('is undefined when the service has no workload', () => {
    expect(
      summarize({ pods: [podObject({ name: 'stray', owner: OWNER })] }),
    ).toBeUndefined();
  });

  it('summarizes a healthy, rolled-out Deployment', () => {
    const live = summarize({
      deployments: [deploymentObject({})],
      replicaSets: [RS_NEW, RS_OLD],
      pods: [
        podObject({ name: 'checkout-1', owner: OWNER, restartCount: 1 }),
        podObject({ name: 'checkout-2', owner: OWNER, restartCount: 2 }),
      ],
    });
    expect(live).toEqual({
      cluster: 'local',
      namespace: 'qa',
      workloads: [
        {
          kind: 'Deployment',
          name: 'checkout',
          image: { name: IMAGE, tag: 'v1' },
          digests: [digest('a')],
          replicas: { desired: 2, updated: 2, ready: 2, available: 2 },
          rollout: 'complete',
          restarts: 3,
          since: '2024-05-01T09:59:00Z',
          health: 'healthy',
          reasons: [],
        },
      ],
      image: { name: IMAGE, tag: 'v1' },
      digests: [digest('a')],
      replicas: { desired: 2, updated: 2, ready: 2, available: 2 },
      rollout: 'complete',
      restarts: 3,
      since: '2024-05-01T09:59:00Z',
      health: 'healthy',
      reasons: [],
    });
  });

  it('reads the digest of a pinned image and every imageID format', () => {
    const live = summarize({
      deployments: [deploymentObject({ image: `${IMAGE}:v2@${digest('b')}` })],
      replicaSets: [RS_NEW],
      pods: [
        podObject({
          name: 'p1',
          owner: OWNER,
          imageID: `docker-pullable://${IMAGE}@${digest('c')}`,
        }),
        podObject({
          name: 'p2',
          owner: OWNER,
          imageID: `${IMAGE}@${digest('b')}`,
        }),
        podObject({ name: 'p3', owner: OWNER, imageID: digest('b') }),
        podObject({ name: 'p4', owner: OWNER, imageID: '' }),
      ],
    });
    expect(live?.image).toEqual({
      name: IMAGE,
      tag: 'v2',
      digest: digest('b'),
    });
    expect(live?.digests).toEqual([digest('b'), digest('c')]);
  });

  it('takes digests from the primary container of its own pods only', () => {
    const live = summarize({
      deployments: [deploymentObject({})],
      replicaSets: [
        RS_NEW,
        replicaSetObject({
          name: 'other-rs',
          deployment: 'other',
          createdAt: LONG_AGO,
        }),
      ],
      pods: [
        podObject({
          name: 'p1',
          owner: OWNER,
          sidecar: {
            name: 'proxy',
            image: 'envoy:1',
            imageID: `envoy@${digest('e')}`,
          },
        }),
        podObject({
          name: 'p2',
          owner: { kind: 'ReplicaSet', name: 'other-rs' },
          imageID: `x@${digest('f')}`,
        }),
      ],
    });
    expect(live?.digests).toEqual([digest('a')]);
  });

  it('leaves the image out when it cannot be parsed', () => {
    const live = summarize({
      deployments: [deploymentObject({ image: 'Not A Valid Image' })],
    });
    expect(live?.image).toBeUndefined();
    expect(live?.workloads[0].image).toBeUndefined();
  });

  it.each([
    ['a generation not yet observed', { generation: 3, observedGeneration: 2 }],
    ['replicas not yet updated', { updated: 1 }],
    ['updated replicas not yet available', { available: 1 }],
  ])('is progressing with %s', (_, options) => {
    const live = summarize({ deployments: [deploymentObject(options)] });
    expect(live?.rollout).toBe('progressing');
    expect(live?.health).toBe('progressing');
    expect(live?.reasons[0]).toMatch(
      /^Rolling out: \d of 2 updated, \d available$/,
    );
  });

  it('fails a rollout past its progress deadline, reporting the condition once', () => {
    const message = 'ReplicaSet "checkout-new" has timed out progressing.';
    const live = summarize({
      deployments: [
        deploymentObject({
          updated: 1,
          conditions: [
            {
              type: 'Available',
              status: 'True',
              reason: 'MinimumReplicasAvailable',
            },
            {
              type: 'Progressing',
              status: 'False',
              reason: 'ProgressDeadlineExceeded',
              message,
            },
          ],
        }),
      ],
    });
    expect(live?.rollout).toBe('failed');
    expect(live?.health).toBe('degraded');
    expect(live?.reasons).toEqual([`Rollout failed: ${message}`]);
  });

  it('reports a paused rollout', () => {
    expect(
      summarize({ deployments: [deploymentObject({ paused: true })] }),
    ).toMatchObject({
      rollout: 'paused',
      health: 'healthy',
      reasons: [],
    });
    expect(
      summarize({
        deployments: [deploymentObject({ paused: true, updated: 1 })],
      }),
    ).toMatchObject({
      rollout: 'paused',
      health: 'progressing',
      reasons: ['Rollout paused: 1 of 2 updated, 2 available'],
    });
  });

  it.each([
    [
      'CrashLoopBackOff',
      {
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: 'back-off 5m0s restarting failed container=app',
          },
        },
        restartCount: 7,
        ready: false,
        lastState: { terminated: { reason: 'Error', exitCode: 1 } },
      },
      'Pod checkout-1: CrashLoopBackOff: back-off 5m0s restarting failed container=app',
    ],
    [
      'ImagePullBackOff',
      {
        state: {
          waiting: {
            reason: 'ImagePullBackOff',
            message: 'Back-off pulling image "x"',
          },
        },
        ready: false,
      },
      'Pod checkout-1: ImagePullBackOff: Back-off pulling image "x"',
    ],
    [
      'a failing readiness probe',
      {
        readinessProbe: true,
        ready: false,
        state: { running: { startedAt: LONG_AGO } },
      },
      'Pod checkout-1: ReadinessProbeFailed: The container app failed to start properly, but is not crashing',
    ],
  ])(
    'is degraded by %s, as the Kubernetes tab says',
    (_, podOptions, reason) => {
      const live = summarize({
        deployments: [deploymentObject({ available: 1, ready: 1 })],
        replicaSets: [RS_NEW],
        pods: [
          podObject({ name: 'checkout-1', owner: OWNER, ...podOptions }),
          podObject({ name: 'checkout-2', owner: OWNER }),
        ],
      });
      expect(live?.health).toBe('degraded');
      expect(live?.reasons).toContain(reason);
    },
  );

  it('is not degraded by past restarts alone', () => {
    const live = summarize({
      deployments: [deploymentObject({})],
      replicaSets: [RS_NEW],
      pods: [
        podObject({
          name: 'p',
          owner: OWNER,
          restartCount: 4,
          lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
        }),
      ],
    });
    expect(live).toMatchObject({ health: 'healthy', restarts: 4, reasons: [] });
  });

  it('is degraded with no available replica, and healthy scaled to zero', () => {
    const down = summarize({
      deployments: [
        deploymentObject({
          available: 0,
          ready: 0,
          conditions: [
            {
              type: 'Available',
              status: 'False',
              reason: 'MinimumReplicasUnavailable',
              message: 'Deployment does not have minimum availability.',
            },
          ],
        }),
      ],
    });
    expect(down?.health).toBe('degraded');
    expect(down?.reasons).toEqual([
      'Deployment does not have minimum availability.',
      'No replica is available (0 of 2)',
    ]);
    const zero = summarize({
      deployments: [deploymentObject({ replicas: 0 })],
    });
    expect(zero).toMatchObject({ health: 'healthy', rollout: 'complete' });
  });

  it('summarizes a StatefulSet, its rollout and since', () => {
    const sts = statefulSetObject({
      currentRevision: 'db-1',
      updateRevision: 'db-2',
      updated: 1,
    });
    const owner = { kind: 'StatefulSet', name: 'checkout-db' };
    const pods = [
      podObject({
        name: 'db-0',
        owner,
        image: 'postgres:16',
        startTime: '2024-05-02T00:00:00Z',
        labels: { 'controller-revision-hash': 'db-2' },
      }),
      podObject({
        name: 'db-1',
        owner,
        image: 'postgres:16',
        startTime: '2024-04-01T00:00:00Z',
        labels: { 'controller-revision-hash': 'db-1' },
      }),
    ];
    const rolling = summarize({ statefulSets: [sts], pods });
    expect(rolling).toMatchObject({
      rollout: 'progressing',
      health: 'progressing',
      since: '2024-05-02T00:00:00Z',
      image: { name: 'postgres', tag: '16' },
    });
    const done = summarize({
      statefulSets: [statefulSetObject({ currentRevision: 'db-2' })],
      pods,
    });
    expect(done).toMatchObject({
      rollout: 'complete',
      health: 'healthy',
      since: '2024-05-02T00:00:00Z',
    });
    expect(done?.workloads[0].kind).toBe('StatefulSet');
  });

  it('takes the primary workload by image and the worst health over all', () => {
    const live = summarize({
      deployments: [deploymentObject({ available: 0 })],
      statefulSets: [statefulSetObject({})],
      primaryImage: 'postgres',
    });
    expect(live?.workloads.map(w => w.name)).toEqual([
      'checkout',
      'checkout-db',
    ]);
    expect(live?.image).toEqual({ name: 'postgres', tag: '16' });
    expect(live?.rollout).toBe('complete');
    expect(live?.health).toBe('degraded');
    expect(live?.reasons).toEqual([
      'Deployment checkout: No replica is available (0 of 2)',
    ]);
    const byDefault = summarize({
      deployments: [deploymentObject({})],
      statefulSets: [statefulSetObject({})],
    });
    expect(byDefault?.image?.name).toBe(IMAGE);
  });

  it('picks the primary container by image within a workload', () => {
    const live = summarize({
      deployments: [
        deploymentObject({
          containers: [
            { name: 'proxy', image: 'envoy:1.30' },
            { name: 'app', image: `${IMAGE}:v9` },
          ],
        }),
      ],
      primaryImage: `${IMAGE}:ignored-tag`,
    });
    expect(live?.image).toEqual({ name: IMAGE, tag: 'v9' });
    const first = summarize({
      deployments: [
        deploymentObject({
          containers: [
            { name: 'proxy', image: 'envoy:1.30' },
            { name: 'app', image: `${IMAGE}:v9` },
          ],
        }),
      ],
    });
    expect(first?.image).toEqual({ name: 'envoy', tag: '1.30' });
  });

  it('never copies env values or annotations', () => {
    const live = summarize({
      deployments: [
        deploymentObject({
          env: [{ name: 'DB_PASSWORD', value: 'canary-secret' }],
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration':
              '{"canary-annotation":1}',
          },
        }),
      ],
    });
    const json = JSON.stringify(live);
    expect(json).not.toContain('canary');
    expect(json).not.toContain('DB_PASSWORD');
  });
});
