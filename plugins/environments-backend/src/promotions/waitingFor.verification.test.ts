import type { Promotion } from '@stageline/plugin-environments-common';
import { aDigest } from './store/__testUtils__/aDigest';
import { waitingFor } from './waitingFor';

const verifying: Promotion = {
  id: 'p-1',
  entityRef: 'component:default/checkout',
  kind: 'promotion',
  source: 'qa',
  target: 'staging',
  version: { name: 'ghcr.io/acme/checkout', tag: 'v2', digest: aDigest('v2') },
  requestedBy: 'user:default/alice',
  state: 'verifying',
  stateReason: 'Verifying: 7m left, every check passing so far',
  mode: 'commit',
  autoMerge: false,
  approvalsRequired: 0,
  approvals: [],
  links: {},
  createdAt: '2026-11-20T11:00:00.000Z',
  updatedAt: '2026-11-20T11:00:00.000Z',
};
const FACTS = { now: new Date('2026-11-20T12:00:00Z'), instanceId: 'a' };

describe('waitingFor a verifying promotion', () => {
  it('waits for its verification, saying how long is left', () => {
    expect(waitingFor(verifying, FACTS)).toEqual({
      kind: 'verification',
      detail: 'Verifying: 7m left, every check passing so far',
    });
  });

  it('waits for nothing once verification failed', () => {
    expect(
      waitingFor({ ...verifying, state: 'failed-verification' }, FACTS),
    ).toBeUndefined();
  });
});
