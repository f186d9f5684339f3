import type { Promotion } from '@stageline/plugin-environments-common';
import { aDigest } from './store/__testUtils__/aDigest';
import { waitingFor, type WaitFacts } from './waitingFor';

const NOW = new Date('2026-11-20T12:00:00Z');
const FACTS: WaitFacts = { now: NOW, instanceId: 'instance-a' };
const HOLIDAY = {
  start: new Date('2026-11-20T00:00:00Z'),
  end: new Date('2026-11-27T00:00:00Z'),
  reason: 'Holiday freeze',
};

/** Staging, no approvals required, scheduled; waiting in `requested`. */
function scheduled(schedule: Promotion['schedule']): Promotion {
  return {
    id: 'p-1',
    entityRef: 'component:default/checkout',
    kind: 'promotion',
    source: 'qa',
    target: 'staging',
    version: {
      name: 'ghcr.io/acme/checkout',
      tag: 'v2',
      digest: aDigest('v2'),
    },
    requestedBy: 'user:default/alice',
    state: 'requested',
    mode: 'commit',
    autoMerge: false,
    approvalsRequired: 0,
    approvals: [],
    links: {},
    createdAt: '2026-11-20T11:00:00.000Z',
    updatedAt: '2026-11-20T11:00:00.000Z',
    schedule,
  };
}

describe('waitingFor a scheduled promotion', () => {
  it('is its time while it is ahead, before an open freeze window', () => {
    expect(
      waitingFor(scheduled({ notBefore: '2026-11-21T08:00:00.000Z' }), {
        ...FACTS,
        freezeWindows: [HOLIDAY],
      }),
    ).toEqual({
      kind: 'schedule',
      detail: 'Scheduled: runs not before 2026-11-21T08:00:00.000Z',
      until: '2026-11-21T08:00:00.000Z',
    });
  });

  it('is the freeze window once its time passed and it waits for the freeze to end', () => {
    expect(
      waitingFor(
        scheduled({
          notBefore: '2026-11-20T08:00:00.000Z',
          whenFreezeEnds: true,
        }),
        { ...FACTS, freezeWindows: [HOLIDAY] },
      ),
    ).toMatchObject({
      kind: 'freeze-end',
      until: '2026-11-27T00:00:00.000Z',
    });
  });

  it('is the write once its time passed and nothing else holds it', () => {
    expect(
      waitingFor(scheduled({ notBefore: '2026-11-20T12:00:00.000Z' }), {
        ...FACTS,
        freezeWindows: [],
      }),
    ).toMatchObject({ kind: 'write' });
  });
});
