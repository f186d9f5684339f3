import { aNewPromotion } from '../promotions/store/__testUtils__/aNewPromotion';
import { openTestStore } from '../promotions/store/__testUtils__/openTestStore';
import { requiredTestDatabaseIds } from '../database/__testUtils__/requiredTestDatabaseIds';
import { steppingClock } from '../database/__testUtils__/steppingClock';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { ProductionHistory } from './ProductionHistory';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';

describe.each(requiredTestDatabaseIds())('ProductionHistory on %s', id => {
  it('reads production changes with their source commit time, from a date on', async () => {
    const clock = steppingClock('2026-11-01T10:00:00.000Z');
    const { store, knex, close } = await openTestStore(databases, id, clock);
    const create = async (
      overrides: Parameters<typeof aNewPromotion>[0],
      end?: 'succeeded' | 'failed',
    ) => {
      const { promotion } = await store.create(
        aNewPromotion({
          state: 'executing',
          approvalsRequired: 0,
          ...overrides,
        }),
      );
      clock.advance(3600_000);
      if (end) await store.transition(promotion.id, ['executing'], end);
      clock.advance(3600_000);
      return promotion;
    };
    // Finished before `since`: left out.
    await create({ target: 'production', targetFolder: 'f1' }, 'succeeded');
    const since = clock.now();
    await create(
      {
        target: 'production',
        targetFolder: 'f2',
        sourceCommitAt: '2026-10-31T12:00:00+02:00',
      },
      'succeeded',
    );
    await create({ target: 'staging', targetFolder: 'f3' }, 'succeeded');
    await create(
      { entityRef: PAYMENTS, target: 'live', targetFolder: 'f4' },
      'failed',
    );
    await create({
      target: 'production',
      targetFolder: 'f5',
      kind: 'rollback',
    });

    const changes = await new ProductionHistory(knex).list(
      new Map([
        [CHECKOUT, 'production'],
        [PAYMENTS, 'live'],
      ]),
      since,
    );
    const byTime = changes.sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    );
    expect(byTime).toEqual([
      {
        entityRef: CHECKOUT,
        kind: 'promotion',
        state: 'succeeded',
        createdAt: new Date('2026-11-01T12:00:00.000Z'),
        finishedAt: new Date('2026-11-01T13:00:00.000Z'),
        // Stored normalized to UTC.
        sourceCommitAt: new Date('2026-10-31T10:00:00.000Z'),
      },
      {
        entityRef: PAYMENTS,
        kind: 'promotion',
        state: 'failed',
        createdAt: new Date('2026-11-01T16:00:00.000Z'),
        finishedAt: new Date('2026-11-01T17:00:00.000Z'),
        sourceCommitAt: undefined,
      },
      {
        entityRef: CHECKOUT,
        kind: 'rollback',
        state: 'executing',
        createdAt: new Date('2026-11-01T18:00:00.000Z'),
        finishedAt: undefined,
        sourceCommitAt: undefined,
      },
    ]);
    const column = await knex('promotions')
      .whereNotNull('source_commit_at')
      .select('source_commit_at');
    expect(column).toEqual([{ source_commit_at: '2026-10-31T10:00:00.000Z' }]);
    await close();
  });

  it('refuses a source commit time that is not a timestamp', async () => {
    const { store, close } = await openTestStore(databases, id);
    await expect(
      store.create(aNewPromotion({ sourceCommitAt: 'yesterday' })),
    ).rejects.toThrow(/sourceCommitAt/);
    await close();
  });
});
