import { requiredTestDatabaseIds } from '../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { approverView } from './__testUtils__/approverView';
import {
  ALICE,
  aliceRequests,
  BOB,
  CAROL,
  CHECKOUT,
  promotionWorld,
  REF,
} from './__testUtils__/promotionWorld';

jest.setTimeout(120_000);
const databases = storeTestDatabases();
const HOUR = 3600_000;
// The world's clock starts at 2026-11-20T12:00:00Z: this is two hours later, with an offset.
const IN_TWO_HOURS = '2026-11-20T15:00:00+01:00';
const IN_TWO_HOURS_UTC = '2026-11-20T14:00:00.000Z';

type World = Awaited<ReturnType<typeof promotionWorld>>;

async function scheduledStaging(w: World, notBefore = IN_TWO_HOURS) {
  const { promotion } = await w.service.request(
    REF,
    { target: 'staging', schedule: { notBefore } },
    { credentials: ALICE },
  );
  await w.engine.idle();
  return promotion;
}

async function actionsOf(w: World, id: string) {
  const detail = await w.service.get(id, { credentials: ALICE });
  return detail.events.map(e => e.action);
}

describe.each(requiredTestDatabaseIds())('scheduled promotions on %s', id => {
  it('holds the target, writes nothing before its time and runs once it came', async () => {
    const w = await promotionWorld(databases, id);
    const promotion = await scheduledStaging(w);

    expect(promotion).toMatchObject({
      state: 'requested',
      schedule: { notBefore: IN_TWO_HOURS_UTC },
      waitingFor: {
        kind: 'schedule',
        detail: `Scheduled: runs not before ${IN_TWO_HOURS_UTC}`,
        until: IN_TWO_HOURS_UTC,
      },
    });
    // It is in flight: another request for the same target is refused, naming it.
    await expect(
      w.service.request(REF, { target: 'staging' }, { credentials: BOB }),
    ).rejects.toThrow(promotion.id);

    w.clock.advance(2 * HOUR - 1000);
    await w.engine.advanceAll();
    expect(w.writer.writes).toEqual([]);
    expect((await w.store.get(promotion.id))?.state).toBe('requested');

    w.clock.advance(2000);
    await w.engine.advanceAll();
    expect(w.writer.writes).toHaveLength(1);
    const ran = await w.store.get(promotion.id);
    expect(ran?.state).toBe('rolling-out');
    expect(await actionsOf(w, promotion.id)).toEqual(
      expect.arrayContaining([
        'promotion.request',
        'promotion.schedule-due',
        'promotion.write',
      ]),
    );
  });

  it('checks the gates again when its time comes: a source no longer healthy fails it unwritten', async () => {
    const w = await promotionWorld(databases, id);
    const promotion = await scheduledStaging(w);
    w.runs('qa', 'v3', { health: 'degraded', reasons: ['CrashLoopBackOff'] });

    w.clock.advance(2 * HOUR + 1000);
    await w.engine.advanceAll();

    const failed = await w.store.get(promotion.id);
    expect(failed?.state).toBe('failed');
    expect(failed?.stateReason).toMatch(/^Not written: .*qa/);
    expect(w.writer.writes).toEqual([]);
  });

  it('can be cancelled before it runs, and then never writes', async () => {
    const w = await promotionWorld(databases, id);
    const promotion = await scheduledStaging(w);

    const cancelled = await w.service.cancel(promotion.id, {
      credentials: ALICE,
    });
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      cancelledBy: 'user:default/alice',
    });

    w.clock.advance(3 * HOUR);
    await w.engine.advanceAll();
    expect(w.writer.writes).toEqual([]);
    expect((await w.store.get(promotion.id))?.state).toBe('cancelled');
    // The target is free again.
    const { promotion: next } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    expect(next.state).toBe('executing');
    expect(w.writer.writes).toHaveLength(1);
  });

  it('collects its approvals meanwhile, then waits for its time', async () => {
    const w = await promotionWorld(databases, id);
    const { promotion } = await w.service.request(
      REF,
      { target: 'production', schedule: { notBefore: IN_TWO_HOURS } },
      { credentials: ALICE },
    );
    expect(promotion.state).toBe('awaiting-approval');
    expect(promotion.waitingFor).toEqual({
      kind: 'schedule',
      detail: expect.stringMatching(
        new RegExp(
          `^Scheduled: runs not before ${IN_TWO_HOURS_UTC}; and 0 of 2 approvals`,
        ),
      ),
      until: IN_TWO_HOURS_UTC,
    });

    for (const credentials of [BOB, CAROL]) {
      await w.service.decide(
        promotion.id,
        { decision: 'approve', ...(await approverView(w, promotion.id)) },
        { credentials },
      );
    }
    await w.engine.idle();
    await w.engine.advanceAll();
    const approved = await w.store.get(promotion.id);
    expect(approved?.state).toBe('requested');
    expect(approved?.stateReason).toBe(
      `Approved by user:default/bob, user:default/carol; scheduled to run not before ${IN_TWO_HOURS_UTC}`,
    );
    expect(w.writer.writes).toEqual([]);

    w.clock.advance(2 * HOUR + 1000);
    await w.engine.advanceAll();
    expect(w.writer.writes).toHaveLength(1);
    expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
  });

  it('refuses a schedule in the past, too far ahead or with break-glass, storing nothing', async () => {
    const w = await promotionWorld(databases, id);
    const cases: Array<[object, RegExp]> = [
      [{ notBefore: '2026-11-20T11:59:00Z' }, /must be in the future/],
      [{ notBefore: '2026-12-21T12:00:00Z' }, /at most 30 days ahead/],
      [{ notBefore: '2026-11-20T15:00:00' }, /time zone offset/],
      [{ whenFreezeEnds: false }, /needs notBefore/],
    ];
    for (const [schedule, message] of cases) {
      await expect(
        w.service.request(
          REF,
          { target: 'staging', schedule },
          { credentials: ALICE },
        ),
      ).rejects.toThrow(message);
    }
    await expect(
      w.service.request(
        REF,
        {
          target: 'staging',
          reason: 'incident',
          breakGlass: { incident: 'https://incidents.example.com/1' },
          schedule: { notBefore: IN_TWO_HOURS },
        },
        { credentials: ALICE },
      ),
    ).rejects.toThrow(/cannot be scheduled/);
    expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
    expect(w.writer.writes).toEqual([]);
  });
});
