import type { Knex } from 'knex';

/** What the trigger below raises, so tests can tell its failure from any other. */
export const AUDIT_INSERT_FAILURE =
  'promotion_audit insert refused by test trigger';

/**
 * Makes every INSERT into `promotion_audit` fail inside the database, as a full disk, a lost
 * connection or a broken constraint would. Returns a function that lifts it again.
 */
export async function failAuditInserts(
  knex: Knex,
): Promise<() => Promise<void>> {
  if (String(knex.client.config.client).includes('sqlite')) {
    await knex.raw(`
      CREATE TRIGGER promotion_audit_test_no_insert
      BEFORE INSERT ON promotion_audit
      BEGIN
        SELECT RAISE(ABORT, '${AUDIT_INSERT_FAILURE}');
      END`);
    return async () => {
      await knex.raw('DROP TRIGGER promotion_audit_test_no_insert');
    };
  }
  await knex.raw(`
    CREATE FUNCTION promotion_audit_test_refuse_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '${AUDIT_INSERT_FAILURE}';
    END
    $$`);
  await knex.raw(`
    CREATE TRIGGER promotion_audit_test_no_insert
    BEFORE INSERT ON promotion_audit
    FOR EACH ROW EXECUTE FUNCTION promotion_audit_test_refuse_insert()`);
  return async () => {
    await knex.raw(
      'DROP TRIGGER promotion_audit_test_no_insert ON promotion_audit',
    );
    await knex.raw('DROP FUNCTION promotion_audit_test_refuse_insert()');
  };
}
