import { podObject } from '../__testUtils__/workloadObjects';
import { statefulSetHealthySince } from './statefulSetHealthySince';
import type { PodWithConditions } from './TimedCondition';

const OWNER = { kind: 'StatefulSet', name: 'checkout-db' };
const SINCE = '2024-05-01T10:00:00Z';

function pod(name: string, ready?: { status: string; at?: string }) {
  const base = podObject({ name, owner: OWNER });
  const withConditions: PodWithConditions = {
    ...base,
    status: {
      ...base.status,
      ...(ready && {
        conditions: [
          {
            type: 'Ready',
            status: ready.status,
            ...(ready.at && { lastTransitionTime: ready.at }),
          },
        ],
      }),
    },
  };
  return withConditions;
}

describe('statefulSetHealthySince', () => {
  it('is the latest Ready transition of its pods', () => {
    expect(
      statefulSetHealthySince({
        health: 'healthy',
        since: SINCE,
        pods: [
          pod('db-0', { status: 'True', at: '2024-05-01T10:02:00Z' }),
          pod('db-1', { status: 'True', at: '2024-05-01T10:07:00Z' }),
        ],
      }),
    ).toBe('2024-05-01T10:07:00Z');
  });

  it('never predates the revision start', () => {
    expect(
      statefulSetHealthySince({
        health: 'healthy',
        since: '2024-05-03T00:00:00Z',
        pods: [pod('db-0', { status: 'True', at: '2024-05-01T10:02:00Z' })],
      }),
    ).toBe('2024-05-03T00:00:00Z');
  });

  it.each([
    ['a pod has no Ready condition (the cache did not keep it)', [pod('db-0')]],
    ['a pod Ready transition has no time', [pod('db-0', { status: 'True' })]],
    [
      'a pod is not Ready',
      [
        pod('db-0', { status: 'True', at: SINCE }),
        pod('db-1', { status: 'False', at: SINCE }),
      ],
    ],
    ['there are no pods', []],
  ])('is undefined when %s', (_, pods) => {
    expect(
      statefulSetHealthySince({ health: 'healthy', since: SINCE, pods }),
    ).toBeUndefined();
  });

  it('is undefined when the StatefulSet is not healthy', () => {
    expect(
      statefulSetHealthySince({
        health: 'degraded',
        since: SINCE,
        pods: [pod('db-0', { status: 'True', at: SINCE })],
      }),
    ).toBeUndefined();
  });
});
