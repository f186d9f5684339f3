// @ts-check

/**
 * When the source commit of a promotion's version was made (ISO 8601 UTC text), read when the
 * promotion is requested: the start of the lead time for changes. NULL when it was not known
 * (a tag that is not a commit SHA, a source repository that could not be read, a rollback).
 * The index serves the delivery metrics, which read a period's finished promotions per entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('promotions', table => {
    table
      .string('source_commit_at', 30)
      .nullable()
      .comment('When the source commit of the version was made, when known');
    table.index(
      ['entity_ref', 'finished_at'],
      'promotions_entity_finished_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('promotions', table => {
    table.dropIndex(
      ['entity_ref', 'finished_at'],
      'promotions_entity_finished_idx',
    );
    table.dropColumn('source_commit_at');
  });
};
