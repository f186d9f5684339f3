// @ts-check

/**
 * Scheduled promotions: not before a time, and/or once the target's freeze window ends. Null
 * (and false) for a promotion that runs as soon as its gates allow.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('promotions', table => {
    table
      .string('schedule_not_before', 30)
      .nullable()
      .comment('Not written before this time (ISO 8601 UTC); null when unset');
    table
      .boolean('schedule_when_freeze_ends')
      .nullable()
      .comment(
        'Requested during a freeze window: not written before the window ends',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('promotions', table => {
    table.dropColumn('schedule_not_before');
    table.dropColumn('schedule_when_freeze_ends');
  });
};
