import { PromotionEngine } from './PromotionEngine';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';
import { ALICE, promotionWorld, REF } from '../__testUtils__/promotionWorld';

jest.setTimeout(120_000);
const databases = storeTestDatabases();
const HOUR = 3600_000;

/** qa -> staging, staging frozen for the window given; the clock starts at 12:00Z. */
function stagingFrozen(window: { start: string; end: string }) {
  return {
    chains: {
      default: [
        { name: 'qa' },
        {
          name: 'staging',
          gates: { freezeWindows: [{ ...window, reason: 'Release freeze' }] },
        },
      ],
    },
    gitops: { mode: 'commit' },
  };
}

describe.each(requiredTestDatabaseIds())(
  'the engine and scheduled promotions on %s',
  id => {
    it('accepts a request during a freeze when it is to run once the freeze ends, and runs it then', async () => {
      const w = await promotionWorld(databases, id, {
        environments: stagingFrozen({
          start: '2026-11-20T11:00:00Z',
          end: '2026-11-20T15:00:00Z',
        }),
      });
      // Without the schedule the freeze refuses the request, as always.
      await expect(
        w.service.request(REF, { target: 'staging' }, { credentials: ALICE }),
      ).rejects.toThrow(/Release freeze/);

      const { promotion } = await w.service.request(
        REF,
        { target: 'staging', schedule: { whenFreezeEnds: true } },
        { credentials: ALICE },
      );
      expect(promotion).toMatchObject({
        state: 'requested',
        schedule: { whenFreezeEnds: true },
        waitingFor: {
          kind: 'freeze-end',
          until: '2026-11-20T15:00:00.000Z',
        },
      });
      await w.engine.idle();
      w.clock.advance(3 * HOUR - 1000);
      await w.engine.advanceAll();
      expect(w.writer.writes).toEqual([]);
      expect((await w.store.get(promotion.id))?.state).toBe('requested');

      w.clock.advance(2000);
      await w.engine.advanceAll();
      expect(w.writer.writes).toHaveLength(1);
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
    });

    it('waits past its time for a freeze window opened meanwhile when it is to run once the freeze ends', async () => {
      const w = await promotionWorld(databases, id, {
        environments: stagingFrozen({
          start: '2026-11-20T13:00:00Z',
          end: '2026-11-20T16:00:00Z',
        }),
      });
      const { promotion } = await w.service.request(
        REF,
        {
          target: 'staging',
          schedule: { notBefore: '2026-11-20T14:00:00Z', whenFreezeEnds: true },
        },
        { credentials: ALICE },
      );
      expect(promotion.waitingFor?.detail).toBe(
        'Scheduled: runs not before 2026-11-20T14:00:00.000Z, once no freeze window is open',
      );
      w.clock.advance(2 * HOUR + 1000);
      await w.engine.advanceAll();
      expect(w.writer.writes).toEqual([]);
      const waiting = await w.service.get(promotion.id, { credentials: ALICE });
      expect(waiting.state).toBe('requested');
      expect(waiting.waitingFor).toMatchObject({
        kind: 'freeze-end',
        until: '2026-11-20T16:00:00.000Z',
      });

      w.clock.advance(2 * HOUR);
      await w.engine.advanceAll();
      expect(w.writer.writes).toHaveLength(1);
    });

    it('fails unwritten, with the freeze as its reason, when a freeze window is open at its time and it was not to wait for it', async () => {
      const w = await promotionWorld(databases, id, {
        environments: stagingFrozen({
          start: '2026-11-20T13:00:00Z',
          end: '2026-11-20T16:00:00Z',
        }),
      });
      const { promotion } = await w.service.request(
        REF,
        { target: 'staging', schedule: { notBefore: '2026-11-20T14:00:00Z' } },
        { credentials: ALICE },
      );
      w.clock.advance(2 * HOUR + 1000);
      await w.engine.advanceAll();

      const failed = await w.store.get(promotion.id);
      expect(failed?.state).toBe('failed');
      expect(failed?.stateReason).toMatch(
        /^Not written: Release freeze: no promotion into staging until 2026-11-20T16:00:00.000Z/,
      );
      expect(w.writer.writes).toEqual([]);
    });

    it('runs it once when two backend instances on one database reach its time together', async () => {
      const w = await promotionWorld(databases, id);
      const secondStore = await w.openSecondInstance();
      try {
        const { promotion } = await w.service.request(
          REF,
          {
            target: 'staging',
            schedule: { notBefore: '2026-11-20T13:00:00Z' },
          },
          { credentials: ALICE },
        );
        await w.engine.idle();
        const b = new PromotionEngine({
          ...w.deps,
          store: secondStore,
          instanceId: 'instance-b',
        });
        w.clock.advance(HOUR + 1000);
        await Promise.all([
          w.engine.advanceAll(),
          b.advanceAll(),
          w.engine.advance(promotion.id),
          b.advance(promotion.id),
        ]);
        await Promise.all([w.engine.advanceAll(), b.advanceAll()]);
        expect(w.writer.writes).toHaveLength(1);
        const detail = await w.service.get(promotion.id, {
          credentials: ALICE,
        });
        expect(detail.state).toBe('rolling-out');
        expect(
          detail.events.filter(e => e.action === 'promotion.schedule-due'),
        ).toHaveLength(1);
      } finally {
        await w.close();
      }
    });
  },
);
