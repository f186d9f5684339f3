import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { aNewPromotion } from './__testUtils__/aNewPromotion';
import {
  AUDIT_INSERT_FAILURE,
  failAuditInserts,
} from './__testUtils__/failAuditInserts';
import { openTestStore } from './__testUtils__/openTestStore';
import { rejectionOf } from './__testUtils__/rejectionOf';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);

const ENTITY = 'component:default/checkout';
const firstAudit = {
  at: '2026-01-05T10:00:00.000Z',
  actor: 'user:default/alice',
  action: 'promotion.request',
  result: 'succeeded' as const,
  message: 'a1b2c3d to staging: awaiting-approval',
};

describe('creating a promotion with its first audit row', () => {
  const databases = storeTestDatabases();

  it('runs on every configured database, PostgreSQL included', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  async function countRows(
    knex: Awaited<ReturnType<typeof openTestStore>>['knex'],
    table: string,
  ) {
    const [{ n }] = await knex(table).count({ n: '*' });
    return Number(n);
  }

  it.each(databases.eachSupportedId())(
    'writes both rows, the audit row naming the new promotion, on %p',
    async (id: TestDatabaseId) => {
      const { store } = await openTestStore(databases, id);

      const { promotion, created } = await store.create(
        aNewPromotion(),
        firstAudit,
      );

      expect(created).toBe(true);
      await expect(
        store.listAudit({ promotionId: promotion.id }),
      ).resolves.toEqual([
        {
          ...firstAudit,
          entityRef: ENTITY,
          promotionId: promotion.id,
          environment: 'staging',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves no promotion when the audit insert fails, and frees the slot, on %p',
    async (id: TestDatabaseId) => {
      const { store, knex } = await openTestStore(databases, id);
      const allowAuditInserts = await failAuditInserts(knex);

      const error = await rejectionOf(
        store.create(aNewPromotion({ idempotencyKey: 'click-1' }), firstAudit),
      );

      expect(error?.message).toContain(AUDIT_INSERT_FAILURE);
      expect(await countRows(knex, 'promotions')).toBe(0);
      expect(await countRows(knex, 'promotion_audit')).toBe(0);
      await expect(
        store.findInFlight(aNewPromotion().targetFolder),
      ).resolves.toBe(undefined);
      await expect(store.listInFlight()).resolves.toEqual([]);

      // Once the audit can be written, the same request (same key) creates the promotion.
      await allowAuditInserts();
      const retried = await store.create(
        aNewPromotion({ idempotencyKey: 'click-1' }),
        firstAudit,
      );
      expect(retried.created).toBe(true);
      expect(await countRows(knex, 'promotions')).toBe(1);
      expect(await countRows(knex, 'promotion_audit')).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes no second audit row for a repeated idempotency key, on %p',
    async (id: TestDatabaseId) => {
      const { store, knex } = await openTestStore(databases, id);
      const input = aNewPromotion({ idempotencyKey: 'click-2' });

      const first = await store.create(input, firstAudit);
      const again = await store.create(input, firstAudit);

      expect(again).toEqual({ promotion: first.promotion, created: false });
      expect(await countRows(knex, 'promotion_audit')).toBe(1);
    },
  );
});
