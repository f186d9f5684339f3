// @ts-check

/**
 * What verification after a promotion measured and decided: the values from before the
 * promotion, when each check last ran and what it found, the outcome, and the automatic rollback
 * it wrote. Kept beside the promotion so a backend restart resumes verification where it was,
 * and writes at most one rollback.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('promotion_verifications', table => {
    table.comment('Verification of a promotion once its target runs it');
    table
      .string('promotion_id', 36)
      .primary()
      .notNullable()
      .references('id')
      .inTable('promotions');
    table
      .text('before')
      .notNullable()
      .comment(
        'Prometheus values measured before the write, by check name (JSON)',
      );
    table
      .string('started_at', 30)
      .nullable()
      .comment('When the target ran the version and the checks began');
    table
      .integer('restarts_at_start')
      .nullable()
      .comment('Container restarts counted when the checks began');
    table
      .text('results')
      .notNullable()
      .comment('The latest CheckResult of each check (JSON)');
    table.string('outcome', 16).nullable().comment('passed or failed');
    table
      .string('on_failure', 16)
      .nullable()
      .comment('notify or rollback, as config said when it failed');
    table
      .string('rollback_promotion_id', 36)
      .nullable()
      .comment('The automatic rollback written after it failed');
    table
      .text('rollback_note')
      .nullable()
      .comment('Why no automatic rollback was written, when none could be');
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['outcome', 'on_failure'], 'promotion_verifications_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('promotion_verifications');
};
