// @ts-check

/**
 * Whether Stageline merges a promotion's pull request as soon as GitHub allows: decided from
 * config when the promotion is requested and kept here, so nothing written in the pull request
 * (which people can edit) can switch it on.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('promotions', table => {
    table
      .boolean('auto_merge')
      .notNullable()
      .defaultTo(false)
      .comment('Merge the pull request as soon as GitHub allows');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('promotions', table => {
    table.dropColumn('auto_merge');
  });
};
