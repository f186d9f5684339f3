import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { openTestStore } from './__testUtils__/openTestStore';
import { steppingClock } from '../../database/__testUtils__/steppingClock';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);

describe('preview overrides', () => {
  const databases = storeTestDatabases();

  it('runs on every configured database, PostgreSQL included', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  it.each(databases.eachSupportedId())(
    'pins, extends, lists and deletes per cluster, on %p',
    async id => {
      const clock = steppingClock();
      const { store } = await openTestStore(databases, id, clock);

      const pinned = await store.setPreviewOverride({
        cluster: 'local',
        namespace: 'feature-pr-12',
        keep: true,
        updatedBy: 'user:default/alice',
      });
      await store.setPreviewOverride({
        cluster: 'other',
        namespace: 'feature-pr-12',
        keep: false,
        updatedBy: 'user:default/alice',
      });
      clock.advance(1000);
      const extended = await store.setPreviewOverride({
        cluster: 'local',
        namespace: 'feature-pr-12',
        keep: false,
        expiresAt: '2026-01-08T10:00:00Z',
        updatedBy: 'user:default/bob',
      });

      expect(pinned).toEqual({
        cluster: 'local',
        namespace: 'feature-pr-12',
        keep: true,
        updatedBy: 'user:default/alice',
        updatedAt: '2026-01-05T10:00:00.000Z',
      });
      expect(extended).toEqual({
        cluster: 'local',
        namespace: 'feature-pr-12',
        keep: false,
        expiresAt: '2026-01-08T10:00:00.000Z',
        updatedBy: 'user:default/bob',
        updatedAt: '2026-01-05T10:00:01.000Z',
      });
      await expect(store.listPreviewOverrides('local')).resolves.toEqual([
        extended,
      ]);

      await store.deletePreviewOverride('local', 'feature-pr-12');

      await expect(store.listPreviewOverrides('local')).resolves.toEqual([]);
      await expect(store.listPreviewOverrides('other')).resolves.toHaveLength(
        1,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a name that is not a namespace, on %p',
    async id => {
      const { store } = await openTestStore(databases, id);

      await expect(
        store.setPreviewOverride({
          cluster: 'local',
          namespace: 'Feature_PR_12',
          keep: true,
          updatedBy: 'user:default/alice',
        }),
      ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
      await expect(store.listPreviewOverrides('local')).resolves.toEqual([]);
    },
  );
});
