// @ts-check

/**
 * The audit trail: append-only. A trigger refuses UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL), so not even a bug or a hand-written query in this plugin can rewrite history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('promotion_audit', table => {
    table.comment('Every promotion attempt and decision; append-only');
    table.increments('id').primary();
    table.string('at', 30).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.string('result', 16).notNullable();
    table.text('message').nullable();
    table.text('link').nullable();
    table.string('entity_ref', 255).notNullable();
    table.string('promotion_id', 36).nullable();
    table.string('environment', 255).nullable();

    table.index(['entity_ref', 'id'], 'promotion_audit_entity_ref_idx');
    table.index(['promotion_id', 'id'], 'promotion_audit_promotion_id_idx');
  });

  const client = clientName(knex);
  if (client.includes('pg') || client.includes('postgres')) {
    await knex.raw(`
      CREATE FUNCTION promotion_audit_refuse_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'promotion_audit is append-only';
      END
      $$`);
    await knex.raw(`
      CREATE TRIGGER promotion_audit_append_only
      BEFORE UPDATE OR DELETE ON promotion_audit
      FOR EACH ROW EXECUTE FUNCTION promotion_audit_refuse_change()`);
    await knex.raw(`
      CREATE TRIGGER promotion_audit_no_truncate
      BEFORE TRUNCATE ON promotion_audit
      FOR EACH STATEMENT EXECUTE FUNCTION promotion_audit_refuse_change()`);
  } else if (client.includes('sqlite')) {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER promotion_audit_no_${operation.toLowerCase()}
        BEFORE ${operation} ON promotion_audit
        BEGIN
          SELECT RAISE(ABORT, 'promotion_audit is append-only');
        END`);
    }
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Dropping the table drops its triggers too.
  await knex.schema.dropTable('promotion_audit');
  const client = clientName(knex);
  if (client.includes('pg') || client.includes('postgres')) {
    await knex.raw('DROP FUNCTION IF EXISTS promotion_audit_refuse_change()');
  }
};

/**
 * @param {import('knex').Knex} knex
 * @returns {string}
 */
function clientName(knex) {
  return String(knex.client.config.client);
}
