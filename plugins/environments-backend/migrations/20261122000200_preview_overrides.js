// @ts-check

/**
 * Keep pins and TTL extensions of preview namespaces, set by people, read by the reaper.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('preview_overrides', table => {
    table.comment('Keep pins and TTL extensions of preview namespaces');
    table.string('cluster', 255).notNullable();
    table.string('namespace', 63).notNullable();
    table.boolean('keep').notNullable();
    table.string('expires_at', 30).nullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 30).notNullable();
    table.primary(['cluster', 'namespace'], 'preview_overrides_pk');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('preview_overrides');
};
