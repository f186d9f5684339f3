import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import knexFactory from 'knex';

/**
 * A test backend's database: SQLite in memory, destroyed when the backend stops. Backstage's
 * default database service leaves SQLite connections open on shutdown, and each connection
 * pool's reaping interval then keeps the Jest worker from exiting.
 */
export const closingDatabaseFactory = createServiceFactory({
  service: coreServices.database,
  deps: { lifecycle: coreServices.lifecycle },
  factory({ lifecycle }) {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    knex.client.pool.on(
      'createSuccess',
      (_id: unknown, connection: { pragma(sql: string): void }) =>
        connection.pragma('foreign_keys = ON'),
    );
    lifecycle.addShutdownHook(() => knex.destroy());
    return { getClient: async () => knex };
  },
});
