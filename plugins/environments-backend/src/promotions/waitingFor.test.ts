import type { Promotion } from '@stageline/plugin-environments-common';
import { shortVersion } from '@stageline/plugin-environments-common';
import { aDigest } from './store/__testUtils__/aDigest';
import { waitingFor, type WaitFacts } from './waitingFor';

const NOW = new Date('2026-11-20T12:00:00Z');
const FACTS: WaitFacts = { now: NOW, instanceId: 'instance-a' };

function aPromotion(overrides: Partial<Promotion> = {}): Promotion {
  return {
    id: 'p-1',
    entityRef: 'component:default/checkout',
    kind: 'promotion',
    source: 'staging',
    target: 'production',
    version: {
      name: 'ghcr.io/acme/checkout',
      tag: 'v2',
      digest: aDigest('v2'),
    },
    requestedBy: 'user:default/alice',
    state: 'awaiting-approval',
    mode: 'pull-request',
    autoMerge: false,
    approvalsRequired: 2,
    approvals: [],
    links: {},
    createdAt: '2026-11-20T11:00:00.000Z',
    updatedAt: '2026-11-20T11:00:00.000Z',
    ...overrides,
  };
}

const HOLIDAY = {
  start: new Date('2026-11-20T00:00:00Z'),
  end: new Date('2026-11-27T00:00:00Z'),
  reason: 'Holiday freeze',
};

describe('waitingFor', () => {
  it('is the approvals still needed', () => {
    const promotion = aPromotion({
      approvals: [
        { user: 'user:default/bob', decision: 'approved', at: '', valid: true },
      ],
    });
    expect(waitingFor(promotion, { ...FACTS, freezeWindows: [] })).toEqual({
      kind: 'approvals',
      detail:
        '1 of 2 approvals: 1 more needed from people other than the requester',
    });
  });

  it("is a freeze window's end, with the approvals still needed besides", () => {
    expect(
      waitingFor(aPromotion(), { ...FACTS, freezeWindows: [HOLIDAY] }),
    ).toEqual({
      kind: 'freeze-end',
      detail:
        'Holiday freeze: no promotion into production until 2026-11-27T00:00:00.000Z; and 0 of 2 approvals: 2 more needed from people other than the requester',
      until: '2026-11-27T00:00:00.000Z',
    });
  });

  it('is the write, or its retry after a passing failure', () => {
    expect(waitingFor(aPromotion({ state: 'executing' }), FACTS)).toEqual({
      kind: 'write',
      detail: `Stageline writes ${shortVersion(
        aPromotion().version,
      )} into production's overlay at its next step (pull-request)`,
    });
    expect(
      waitingFor(
        aPromotion({
          state: 'executing',
          stateReason: 'Will retry: GitHub is unreachable',
        }),
        FACTS,
      ),
    ).toEqual({ kind: 'write', detail: 'Will retry: GitHub is unreachable' });
  });

  it('is the pull request merge, by Stageline or by people', () => {
    const pr = { pullRequest: { number: 12 } };
    expect(
      waitingFor(
        aPromotion({ state: 'waiting-for-merge', links: pr, autoMerge: true }),
        FACTS,
      ),
    ).toEqual({
      kind: 'merge',
      detail:
        'Pull request #12 to be merged: Stageline merges it as soon as GitHub allows',
    });
    expect(
      waitingFor(aPromotion({ state: 'waiting-for-merge', links: pr }), FACTS),
    ).toEqual({
      kind: 'merge',
      detail: 'Pull request #12 to be merged by someone allowed to merge it',
    });
  });

  it('is the rollout once written', () => {
    expect(waitingFor(aPromotion({ state: 'rolling-out' }), FACTS)).toEqual({
      kind: 'rollout',
      detail: `Written to Git: waiting for production to run ${shortVersion(
        aPromotion().version,
      )} healthy (the GitOps agent applies it, then the rollout completes)`,
    });
  });

  it('is a claim held by another instance until it expires, before anything else', () => {
    const claim = {
      owner: 'instance-b',
      expiresAt: '2026-11-20T12:01:30.000Z',
    };
    expect(
      waitingFor(aPromotion({ state: 'executing' }), { ...FACTS, claim }),
    ).toEqual({
      kind: 'claim',
      detail:
        'Backend instance instance-b holds it until 2026-11-20T12:01:30.000Z: if that instance stopped mid-step, another instance takes it over then',
      until: '2026-11-20T12:01:30.000Z',
    });
    // Its own claim is a step in progress here; an expired one is free for anyone.
    for (const free of [
      { ...claim, owner: 'instance-a' },
      { ...claim, expiresAt: '2026-11-20T11:59:00.000Z' },
    ]) {
      expect(
        waitingFor(aPromotion({ state: 'executing' }), {
          ...FACTS,
          claim: free,
        })?.kind,
      ).toBe('write');
    }
  });

  it.each(['succeeded', 'failed', 'rejected', 'cancelled'] as const)(
    'is nothing once %s',
    state => {
      expect(waitingFor(aPromotion({ state }), FACTS)).toBeUndefined();
    },
  );
});
