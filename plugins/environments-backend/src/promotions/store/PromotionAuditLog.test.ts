import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { AuditEntry } from '../../audit/types';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { openTestStore } from './__testUtils__/openTestStore';
import { rejectionOf } from './__testUtils__/rejectionOf';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);

function anEntry(overrides?: Partial<AuditEntry>): AuditEntry {
  return {
    at: '2026-01-05T10:00:00.000Z',
    actor: 'user:default/alice',
    action: 'promotion-requested',
    result: 'succeeded',
    entityRef: 'component:default/checkout',
    promotionId: 'p-1',
    environment: 'staging',
    ...overrides,
  };
}

describe('promotion audit trail', () => {
  const databases = storeTestDatabases();

  it('runs on every configured database, PostgreSQL included', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  async function storeWithEntries(id: TestDatabaseId, count: number) {
    const opened = await openTestStore(databases, id);
    for (let i = 0; i < count; i++) {
      await opened.store.appendAudit(anEntry({ message: `entry ${i}` }));
    }
    return opened;
  }

  it.each(databases.eachSupportedId())(
    'appends entries and lists them oldest first, on %p',
    async id => {
      const { store } = await openTestStore(databases, id);
      const requested = anEntry({
        link: 'https://github.com/acme/gitops/pull/7',
      });
      const approved = anEntry({
        at: '2026-01-05T11:00:00+01:00',
        actor: 'user:default/carol',
        action: 'promotion-approved',
      });
      const refusedElsewhere = anEntry({
        entityRef: 'component:default/cart',
        promotionId: undefined,
        result: 'refused',
        message: 'not allowed',
      });

      for (const entry of [requested, approved, refusedElsewhere]) {
        await store.appendAudit(entry);
      }

      await expect(store.listAudit({ promotionId: 'p-1' })).resolves.toEqual([
        requested,
        // Stored normalized to UTC.
        { ...approved, at: '2026-01-05T10:00:00.000Z' },
      ]);
      await expect(
        store.listAudit({ entityRef: 'component:default/cart' }),
      ).resolves.toEqual([
        {
          at: refusedElsewhere.at,
          actor: refusedElsewhere.actor,
          action: refusedElsewhere.action,
          result: 'refused',
          message: 'not allowed',
          entityRef: 'component:default/cart',
          environment: 'staging',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'returns the newest entries within the limit, on %p',
    async id => {
      const { store } = await storeWithEntries(id, 60);

      const defaultPage = await store.listAudit({ promotionId: 'p-1' });
      const small = await store.listAudit({ promotionId: 'p-1', limit: 3 });

      expect(defaultPage).toHaveLength(50);
      expect(defaultPage[0].message).toBe('entry 10');
      expect(small.map(e => e.message)).toEqual([
        'entry 57',
        'entry 58',
        'entry 59',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses raw UPDATE and DELETE in the database, on %p',
    async id => {
      const { knex } = await storeWithEntries(id, 1);

      const updated = await rejectionOf(
        knex('promotion_audit').update({ result: 'failed' }),
      );
      const deleted = await rejectionOf(knex('promotion_audit').delete());

      expect(updated?.message).toMatch(/append-only/);
      expect(deleted?.message).toMatch(/append-only/);

      const rows = await knex('promotion_audit').select('result');
      expect(rows).toEqual([{ result: 'succeeded' }]);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a malformed entry and stores nothing, on %p',
    async id => {
      const { store, knex } = await openTestStore(databases, id);

      for (const entry of [
        anEntry({ at: 'yesterday' }),
        anEntry({ result: 'maybe' as AuditEntry['result'] }),
        anEntry({ actor: '' }),
        anEntry({ link: 'data:text/html,hello' }),
      ]) {
        await expect(store.appendAudit(entry)).rejects.toThrow(
          expect.objectContaining({ name: 'InputError' }),
        );
      }
      const [{ n }] = await knex('promotion_audit').count({ n: '*' });
      expect(Number(n)).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'shortens a very long message instead of losing the entry, on %p',
    async id => {
      const { store } = await openTestStore(databases, id);

      await store.appendAudit(anEntry({ message: 'x'.repeat(10_000) }));

      const [entry] = await store.listAudit({ promotionId: 'p-1' });
      expect(entry.message?.length).toBeLessThan(10_000);
      expect(entry.message?.startsWith('xxxx')).toBe(true);
    },
  );
});
