import {
  deploymentObject,
  podObject,
  replicaSetObject,
  statefulSetObject,
} from '../__testUtils__/workloadObjects';
import { summarizeLiveState } from './summarizeLiveState';
import type { PodWithConditions, TimedCondition } from './TimedCondition';

const RS_CREATED = '2024-05-01T09:59:00Z';

function available(at: string): TimedCondition[] {
  return [
    {
      type: 'Available',
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      lastTransitionTime: at,
    },
  ];
}

function readyDbPod(at: string): PodWithConditions {
  const base = podObject({
    name: 'db-0',
    owner: { kind: 'StatefulSet', name: 'checkout-db' },
    image: 'postgres:16',
  });
  return {
    ...base,
    status: {
      ...base.status,
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }],
    },
  };
}

function summarize(input: Partial<Parameters<typeof summarizeLiveState>[0]>) {
  return summarizeLiveState({
    cluster: 'local',
    namespace: 'qa',
    deployments: [],
    statefulSets: [],
    replicaSets: [
      replicaSetObject({ name: 'checkout-new', createdAt: RS_CREATED }),
    ],
    pods: [],
    ...input,
  });
}

describe('LiveState.healthySince', () => {
  it('is the latest healthySince over every workload', () => {
    const live = summarize({
      deployments: [
        deploymentObject({ conditions: available('2024-05-01T10:05:00Z') }),
      ],
      statefulSets: [statefulSetObject({ replicas: 1 })],
      pods: [readyDbPod('2024-05-01T11:00:00Z')],
    });
    expect(live?.workloads.map(w => w.healthySince)).toEqual([
      '2024-05-01T10:05:00Z',
      '2024-05-01T11:00:00Z',
    ]);
    expect(live?.healthySince).toBe('2024-05-01T11:00:00Z');
  });

  it('is absent when any workload does not know it', () => {
    const live = summarize({
      deployments: [
        deploymentObject({ conditions: available('2024-05-01T10:05:00Z') }),
      ],
      statefulSets: [statefulSetObject({ replicas: 1 })],
      pods: [
        podObject({
          name: 'db-0',
          owner: { kind: 'StatefulSet', name: 'checkout-db' },
        }),
      ],
    });
    expect(live?.health).toBe('healthy');
    expect(live).not.toHaveProperty('healthySince');
  });

  it('is absent when the service is not healthy', () => {
    const live = summarize({
      deployments: [
        deploymentObject({
          conditions: available('2024-05-01T10:05:00Z'),
          available: 0,
        }),
      ],
    });
    expect(live?.health).toBe('degraded');
    expect(live).not.toHaveProperty('healthySince');
  });
});
