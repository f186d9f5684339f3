import type { TestDatabaseId } from '@backstage/backend-test-utils';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The databases the store tests must run on: SQLite always, PostgreSQL whenever a connection
 * string is configured, so that CI cannot silently skip it.
 */
export function requiredTestDatabaseIds(): TestDatabaseId[] {
  return process.env[POSTGRES_ENV] ? ['POSTGRES_15', 'SQLITE_3'] : ['SQLITE_3'];
}
