import { TestDatabases } from '@backstage/backend-test-utils';

/** SQLite, and the PostgreSQL named by BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING. */
export function storeTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
}
