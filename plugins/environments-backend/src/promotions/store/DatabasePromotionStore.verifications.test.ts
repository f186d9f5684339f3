import { aNewPromotion } from './__testUtils__/aNewPromotion';
import { openTestStore } from './__testUtils__/openTestStore';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';
import { VerificationStore } from '../../verification/VerificationStore';

// Verification rows belong to a promotion, so they are tested on the promotion store's database.
jest.setTimeout(60_000);
const databases = storeTestDatabases();

async function setUp(id: Parameters<typeof openTestStore>[1]) {
  let now = new Date('2026-11-20T12:00:00Z');
  const clock = () => now;
  const { knex, store } = await openTestStore(databases, id, { now: clock });
  const { promotion } = await store.create(
    aNewPromotion({ state: 'executing' }),
  );
  return {
    promotion,
    store,
    verifications: new VerificationStore(knex, clock),
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const result = (passed: boolean) => ({
  check: 'GET /health',
  passed,
  reason: passed ? 'answered 200' : 'answered 503',
  at: '2026-11-20T12:00:00.000Z',
});

describe('VerificationStore', () => {
  it('runs on every required database', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  it.each(databases.eachSupportedId())(
    'keeps the first values from before, the first start, and decides once, on %p',
    async id => {
      const { promotion, verifications, advance } = await setUp(id);
      await verifications.recordBefore(promotion.id, { 'error-rate': 0.01 });
      await verifications.recordBefore(promotion.id, { 'error-rate': 0.5 });
      await verifications.start(promotion.id, 2);
      advance(60_000);
      await verifications.start(promotion.id, 9);
      await verifications.saveResults(promotion.id, [result(true)]);
      expect(await verifications.get(promotion.id)).toEqual({
        promotionId: promotion.id,
        before: { 'error-rate': 0.01 },
        startedAt: '2026-11-20T12:00:00.000Z',
        restartsAtStart: 2,
        results: [result(true)],
      });

      expect(
        await verifications.decide(promotion.id, 'failed', 'rollback', [
          result(false),
        ]),
      ).toBe(true);
      expect(
        await verifications.decide(promotion.id, 'passed', 'rollback', [
          result(true),
        ]),
      ).toBe(false);
      await verifications.saveResults(promotion.id, [result(true)]);
      expect(await verifications.get(promotion.id)).toMatchObject({
        outcome: 'failed',
        onFailure: 'rollback',
        results: [result(false)],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'lists rollbacks due until one is recorded, and passed verifications, on %p',
    async id => {
      const { promotion, verifications } = await setUp(id);
      await verifications.start(promotion.id, 0);
      expect(await verifications.listRollbacksDue()).toEqual([]);
      await verifications.decide(promotion.id, 'failed', 'rollback', []);
      expect(
        (await verifications.listRollbacksDue()).map(v => v.promotionId),
      ).toEqual([promotion.id]);
      await verifications.recordRollback(promotion.id, { note: 'nothing' });
      expect(await verifications.listRollbacksDue()).toEqual([]);
      expect(await verifications.get(promotion.id)).toMatchObject({
        rollbackNote: 'nothing',
      });
      expect(await verifications.listPassed([promotion.id, 'other'])).toEqual(
        new Set(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'lists passed verifications among the promotions asked about, on %p',
    async id => {
      const { promotion, verifications } = await setUp(id);
      await verifications.start(promotion.id, 0);
      await verifications.decide(promotion.id, 'passed', 'notify', []);
      expect(await verifications.listPassed([promotion.id])).toEqual(
        new Set([promotion.id]),
      );
      expect(await verifications.listPassed([])).toEqual(new Set());
    },
  );
});
