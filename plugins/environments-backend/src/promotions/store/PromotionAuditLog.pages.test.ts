import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { AuditEntry } from '../../audit/types';
import { openTestStore } from './__testUtils__/openTestStore';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);

function anEntry(promotionId: string, message: string): AuditEntry {
  return {
    at: '2026-01-05T10:00:00.000Z',
    actor: 'user:default/alice',
    action: 'promotion.request',
    result: 'succeeded',
    entityRef: 'component:default/checkout',
    promotionId,
    environment: 'staging',
    message,
  };
}

describe('pages of a promotion audit trail', () => {
  const databases = storeTestDatabases();

  it('runs on every configured database, PostgreSQL included', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  /** 60 entries of p-1, interleaved with 20 of p-2 that must never show up in p-1's pages. */
  async function storeWithTrail(id: TestDatabaseId) {
    const { store } = await openTestStore(databases, id);
    for (let i = 0; i < 60; i++) {
      await store.appendAudit(anEntry('p-1', `entry ${i}`));
      if (i % 3 === 0) await store.appendAudit(anEntry('p-2', `other ${i}`));
    }
    return store;
  }

  const messages = (entries: AuditEntry[]) => entries.map(e => e.message);
  const range = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `entry ${from + i}`);

  it.each(databases.eachSupportedId())(
    'walks from the newest page to the oldest, each oldest first, on %p',
    async id => {
      const store = await storeWithTrail(id);

      const newest = await store.listAuditPage({
        promotionId: 'p-1',
        limit: 25,
      });
      expect(messages(newest.entries)).toEqual(range(35, 60));
      expect(newest.olderCursor).toEqual(expect.any(String));

      const middle = await store.listAuditPage({
        promotionId: 'p-1',
        limit: 25,
        before: newest.olderCursor,
      });
      expect(messages(middle.entries)).toEqual(range(10, 35));

      const oldest = await store.listAuditPage({
        promotionId: 'p-1',
        limit: 25,
        before: middle.olderCursor,
      });
      expect(messages(oldest.entries)).toEqual(range(0, 10));
      expect(oldest.olderCursor).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'gives no cursor when the page holds exactly the oldest entries, on %p',
    async id => {
      const store = await storeWithTrail(id);

      const all = await store.listAuditPage({ promotionId: 'p-1', limit: 60 });

      expect(messages(all.entries)).toEqual(range(0, 60));
      expect(all.olderCursor).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'serves 50 by default and never more than 200, on %p',
    async id => {
      const store = await storeWithTrail(id);
      for (let i = 60; i < 260; i++) {
        await store.appendAudit(anEntry('p-1', `entry ${i}`));
      }

      const byDefault = await store.listAuditPage({ promotionId: 'p-1' });
      const capped = await store.listAuditPage({
        promotionId: 'p-1',
        limit: 10_000,
      });

      expect(messages(byDefault.entries)).toEqual(range(210, 260));
      expect(capped.entries).toHaveLength(200);
      expect(capped.olderCursor).toEqual(expect.any(String));
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a cursor it did not make, on %p',
    async id => {
      const { store } = await openTestStore(databases, id);

      for (const before of ['abc', '-1', '0', '1e3', '']) {
        await expect(
          store.listAuditPage({ promotionId: 'p-1', before }),
        ).rejects.toMatchObject({ name: 'InputError' });
      }
    },
  );
});
