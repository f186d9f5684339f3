// @ts-check

/**
 * Who cancelled a promotion: the requester, or someone allowed to promote into its target. Kept
 * on the promotion so that the one who ended it is shown, not the one who asked for it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('promotions', table => {
    table
      .string('cancelled_by', 255)
      .nullable()
      .comment('User entity ref or service:<subject> that cancelled it');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('promotions', table => {
    table.dropColumn('cancelled_by');
  });
};
