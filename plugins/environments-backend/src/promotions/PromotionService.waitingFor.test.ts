import { ServiceUnavailableError } from '@backstage/errors';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  aliceRequests,
  promotionWorld,
  REF,
} from './__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const HOUR = 3600_000;

function chain(options: { mode?: string; freezeWindows?: object[] } = {}) {
  return {
    chains: {
      default: [
        { name: 'qa' },
        { name: 'staging' },
        {
          name: 'production',
          protected: true,
          gates: { approvals: 2, freezeWindows: options.freezeWindows ?? [] },
        },
      ],
    },
    gitops: { mode: options.mode ?? 'commit' },
  };
}

describe('PromotionService: what a promotion waits for, wherever it is returned', () => {
  it('is the approvals while it awaits them: on request, get, list and the environments view', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      environments: chain(),
    });
    const approvals = {
      kind: 'approvals',
      detail:
        '0 of 2 approvals: 2 more needed from people other than the requester',
    };

    const { promotion } = await aliceRequests(w, 'production');

    expect(promotion.waitingFor).toEqual(approvals);
    const detail = await w.service.get(promotion.id, { credentials: ALICE });
    expect(detail.waitingFor).toEqual(approvals);
    const list = await w.service.list(REF, { credentials: ALICE });
    expect(list.promotions[0].waitingFor).toEqual(approvals);
    const view = await w.view.getEnvironments(REF, { credentials: ALICE });
    expect(view.environments[2].promotion?.inFlight?.waitingFor).toEqual(
      approvals,
    );
  });

  it("is a freeze window's end once the target freezes while it awaits approval", async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      environments: chain({
        freezeWindows: [
          {
            start: '2026-11-20T13:00:00Z',
            end: '2026-11-23T06:00:00Z',
            reason: 'Release freeze',
          },
        ],
      }),
    });
    const { promotion } = await aliceRequests(w, 'production');
    w.clock.advance(2 * HOUR);

    const detail = await w.service.get(promotion.id, { credentials: ALICE });

    expect(detail.waitingFor).toEqual({
      kind: 'freeze-end',
      detail: expect.stringMatching(
        /^Release freeze: no promotion into production until 2026-11-23T06:00:00.000Z; and 0 of 2 approvals/,
      ),
      until: '2026-11-23T06:00:00.000Z',
    });
  });

  it('is a claim held by a stopped instance until it expires, then the write it retries', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      environments: chain(),
    });
    w.writer.failWith = new ServiceUnavailableError('GitHub is unreachable');
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    // Another replica took the lease and stopped mid-write.
    expect(await w.store.claim(promotion.id, 'instance-b', 2 * 60_000)).toBe(
      true,
    );

    const held = await w.service.get(promotion.id, { credentials: ALICE });
    expect(held).toMatchObject({
      state: 'executing',
      waitingFor: {
        kind: 'claim',
        detail: expect.stringContaining('instance-b'),
        until: '2026-11-20T12:02:00.000Z',
      },
    });

    w.clock.advance(3 * 60_000);
    const free = await w.service.get(promotion.id, { credentials: ALICE });
    expect(free.waitingFor).toEqual({
      kind: 'write',
      detail: 'Will retry: GitHub is unreachable',
    });
  });

  it('is the pull request merge, then the rollout', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3', {
      environments: chain({ mode: 'pull-request' }),
    });
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();

    const open = await w.service.get(promotion.id, { credentials: ALICE });
    expect(open).toMatchObject({
      state: 'waiting-for-merge',
      waitingFor: {
        kind: 'merge',
        detail: 'Pull request #1 to be merged by someone allowed to merge it',
      },
    });

    w.writer.merge(promotion.id);
    await w.engine.advanceAll();
    const merged = await w.service.get(promotion.id, { credentials: ALICE });
    expect(merged).toMatchObject({
      state: 'rolling-out',
      waitingFor: {
        kind: 'rollout',
        detail: expect.stringContaining('waiting for staging to run v3'),
      },
    });
  });
});
