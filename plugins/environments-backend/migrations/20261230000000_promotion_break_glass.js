// @ts-check

/**
 * Break-glass promotions: the incident they answer, and the approver who acknowledged them after
 * the fact. Unacknowledged ones are listed until someone allowed to approve acknowledges them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('promotions', table => {
    table
      .string('break_glass_incident', 2048)
      .nullable()
      .comment(
        'Incident URL of a break-glass promotion; null for an ordinary one',
      );
    table
      .string('break_glass_acknowledged_by', 255)
      .nullable()
      .comment('User entity ref of the approver who acknowledged it');
    table
      .string('break_glass_acknowledged_at', 30)
      .nullable()
      .comment('When it was acknowledged');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('promotions', table => {
    table.dropColumn('break_glass_incident');
    table.dropColumn('break_glass_acknowledged_by');
    table.dropColumn('break_glass_acknowledged_at');
  });
};
