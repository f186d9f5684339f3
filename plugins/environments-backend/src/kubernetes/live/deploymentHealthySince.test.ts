import {
  deploymentObject,
  podObject,
  replicaSetObject,
} from '../__testUtils__/workloadObjects';
import { deploymentHealthySince } from './deploymentHealthySince';
import { summarizeDeployment } from './summarizeDeployment';
import type { TimedCondition } from './TimedCondition';

const AVAILABLE_AT = '2024-05-01T10:05:00Z';
const RS_CREATED = '2024-05-01T09:59:00Z';

function conditions(available: 'True' | 'False'): TimedCondition[] {
  return [
    {
      type: 'Available',
      status: available,
      reason: 'MinimumReplicasAvailable',
      lastTransitionTime: AVAILABLE_AT,
    },
    {
      type: 'Progressing',
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      lastTransitionTime: '2024-05-01T08:00:00Z',
    },
  ];
}

describe('deploymentHealthySince', () => {
  it('is when Available last became True, for a healthy Deployment', () => {
    expect(
      deploymentHealthySince({
        health: 'healthy',
        conditions: conditions('True'),
        since: RS_CREATED,
      }),
    ).toBe(AVAILABLE_AT);
  });

  it('never predates the current ReplicaSet, as Available stays True through a rollout', () => {
    const rolledOutAt = '2024-05-02T00:00:00Z';
    expect(
      deploymentHealthySince({
        health: 'healthy',
        conditions: conditions('True'),
        since: rolledOutAt,
      }),
    ).toBe(rolledOutAt);
  });

  it.each([
    ['not healthy', 'progressing', conditions('True')],
    ['Available is False', 'healthy', conditions('False')],
    [
      'the transition time is unknown',
      'healthy',
      [{ type: 'Available', status: 'True' }],
    ],
    ['there is no Available condition', 'healthy', []],
  ] as const)('is undefined when %s', (_, health, list) => {
    expect(
      deploymentHealthySince({
        health,
        conditions: [...list],
        since: RS_CREATED,
      }),
    ).toBeUndefined();
  });

  it('is reported by summarizeDeployment only while healthy', () => {
    const owner = { kind: 'ReplicaSet', name: 'checkout-new' };
    const inputs = {
      replicaSets: [
        replicaSetObject({ name: 'checkout-new', createdAt: RS_CREATED }),
      ],
      pods: [podObject({ name: 'checkout-1', owner })],
    };
    const timed = conditions('True');
    const healthy = summarizeDeployment(
      deploymentObject({ conditions: timed }),
      inputs,
    );
    expect(healthy.healthySince).toBe(AVAILABLE_AT);
    const rolling = summarizeDeployment(
      deploymentObject({ conditions: timed, updated: 1 }),
      inputs,
    );
    expect(rolling.health).toBe('progressing');
    expect(rolling).not.toHaveProperty('healthySince');
  });
});
