import { aNewPromotion } from './__testUtils__/aNewPromotion';
import { openTestStore } from './__testUtils__/openTestStore';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { steppingClock } from '../../database/__testUtils__/steppingClock';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

describe.each(requiredTestDatabaseIds())(
  'DatabasePromotionStore: schedules on %s',
  id => {
    it('stores a schedule, notBefore in UTC, and reads it back; none for an unscheduled promotion', async () => {
      const { store } = await openTestStore(databases, id, steppingClock());
      const scheduled = await store.create(
        aNewPromotion({
          state: 'requested',
          approvalsRequired: 0,
          schedule: {
            notBefore: '2026-01-06T09:30:00+01:00',
            whenFreezeEnds: true,
          },
        }),
      );
      const frozen = await store.create(
        aNewPromotion({
          target: 'production',
          state: 'requested',
          schedule: { whenFreezeEnds: true },
        }),
      );
      const plain = await store.create(aNewPromotion({ target: 'qa' }));

      expect((await store.get(scheduled.promotion.id))?.schedule).toEqual({
        notBefore: '2026-01-06T08:30:00.000Z',
        whenFreezeEnds: true,
      });
      expect((await store.get(frozen.promotion.id))?.schedule).toEqual({
        whenFreezeEnds: true,
      });
      expect(await store.get(plain.promotion.id)).not.toHaveProperty(
        'schedule',
      );
      // In flight, like any promotion not yet final: the engine advances it.
      expect((await store.listInFlight()).map(p => p.id)).toEqual(
        expect.arrayContaining([scheduled.promotion.id, frozen.promotion.id]),
      );
    });

    it('refuses a schedule whose time is not ISO 8601 with an offset, and stores nothing', async () => {
      const { store } = await openTestStore(databases, id, steppingClock());

      await expect(
        store.create(
          aNewPromotion({ schedule: { notBefore: 'next tuesday' } }),
        ),
      ).rejects.toThrow(/schedule/);
      expect(await store.listInFlight()).toEqual([]);
    });
  },
);
