import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { AuditEntry } from '../../audit/types';
import { aNewPromotion } from './__testUtils__/aNewPromotion';
import { openTestStore } from './__testUtils__/openTestStore';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout';

function anEntry(entry: Partial<AuditEntry>): AuditEntry {
  return {
    at: '2026-01-05T10:00:00.000Z',
    actor: 'user:default/alice',
    action: 'promotion.request',
    result: 'succeeded',
    entityRef: CHECKOUT,
    ...entry,
  };
}

describe('DatabasePromotionStore: service history, cancellers and claims', () => {
  const databases = storeTestDatabases();

  it('runs on every configured database, PostgreSQL included', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  /** Checkout's trail: a promotion row, preview rows (one by the reaper), another entity's row. */
  async function storeWithHistory(id: TestDatabaseId) {
    const opened = await openTestStore(databases, id);
    const { store } = opened;
    await store.appendAudit(anEntry({ promotionId: 'p-1', message: 'one' }));
    await store.appendAudit(
      anEntry({
        action: 'preview.delete',
        actor: 'stageline:reaper',
        environment: 'feature-pr-4',
        message: 'two',
      }),
    );
    await store.appendAudit(
      anEntry({ entityRef: 'component:default/payments', message: 'other' }),
    );
    await store.appendAudit(
      anEntry({
        action: 'preview.keep',
        result: 'refused',
        environment: 'feature-pr-5',
        message: 'three',
      }),
    );
    return opened;
  }

  it.each(databases.eachSupportedId())(
    "pages through one entity's whole trail, or only its preview or promotion rows, on %p",
    async id => {
      const { store } = await storeWithHistory(id);
      const messages = (page: { entries: AuditEntry[] }) =>
        page.entries.map(e => e.message);

      const newest = await store.listEntityAuditPage({
        entityRef: CHECKOUT,
        limit: 2,
      });
      expect(messages(newest)).toEqual(['two', 'three']);
      const older = await store.listEntityAuditPage({
        entityRef: CHECKOUT,
        before: newest.olderCursor,
      });
      expect(messages(older)).toEqual(['one']);
      expect(older.olderCursor).toBeUndefined();

      const previews = await store.listEntityAuditPage({
        entityRef: CHECKOUT,
        type: 'preview',
      });
      expect(previews.entries).toEqual([
        expect.objectContaining({
          actor: 'stageline:reaper',
          action: 'preview.delete',
          environment: 'feature-pr-4',
        }),
        expect.objectContaining({ action: 'preview.keep', result: 'refused' }),
      ]);
      const promotions = await store.listEntityAuditPage({
        entityRef: CHECKOUT,
        type: 'promotion',
      });
      expect(messages(promotions)).toEqual(['one']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps who cancelled a promotion, set with the transition, on %p',
    async id => {
      const { store } = await openTestStore(databases, id);
      const { promotion } = await store.create(aNewPromotion());

      const cancelled = await store.transition(
        promotion.id,
        ['awaiting-approval'],
        'cancelled',
        { stateReason: 'Cancelled by bob', cancelledBy: 'user:default/bob' },
      );

      expect(cancelled).toMatchObject({
        state: 'cancelled',
        cancelledBy: 'user:default/bob',
      });
      await expect(store.get(promotion.id)).resolves.toMatchObject({
        cancelledBy: 'user:default/bob',
      });
      expect(promotion.cancelledBy).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the execution leases held on promotions, on %p',
    async id => {
      const now = new Date('2026-11-20T12:00:00Z');
      const { store } = await openTestStore(databases, id, { now: () => now });
      const { promotion: held } = await store.create(aNewPromotion());
      const { promotion: free } = await store.create(
        aNewPromotion({ target: 'production' }),
      );
      await store.claim(held.id, 'instance-b', 120_000);

      const claims = await store.listClaims([held.id, free.id]);

      expect([...claims.entries()]).toEqual([
        [
          held.id,
          { owner: 'instance-b', expiresAt: '2026-11-20T12:02:00.000Z' },
        ],
      ]);
      await expect(store.listClaims([])).resolves.toEqual(new Map());
    },
  );
});
