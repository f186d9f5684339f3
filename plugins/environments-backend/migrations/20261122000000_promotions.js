// @ts-check

/**
 * Promotions and the approval decisions made on them. Timestamps are ISO 8601 UTC text
 * (`Date#toISOString`), which sorts and compares the same way on every database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('promotions', table => {
    table.comment('Promotions of one image version into one environment');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('kind', 16).notNullable();
    table.string('source', 63).nullable();
    table.string('target', 63).notNullable();
    table.string('version_name', 255).notNullable();
    table.string('version_tag', 128).nullable();
    table.string('version_digest', 71).nullable();
    table.string('requested_by', 255).notNullable();
    table.text('reason').nullable();
    table.string('state', 32).notNullable();
    table.text('state_reason').nullable();
    table.string('mode', 32).notNullable();
    table.integer('approvals_required').notNullable();
    table.text('links').notNullable().comment('PromotionLinks as JSON');
    table.string('idempotency_key', 128).nullable();
    table
      .string('in_flight_key', 320)
      .nullable()
      .comment(
        'Hash of the target overlay folder (repository and path) while the promotion is not ' +
          'final, else NULL: the unique index allows one in-flight promotion per overlay folder, ' +
          'whichever entity asks, across backend instances',
      );
    table
      .integer('revision')
      .notNullable()
      .defaultTo(0)
      .comment('Bumped by every change, for compare-and-set updates');
    table.string('claim_owner', 255).nullable();
    table.string('claim_expires_at', 30).nullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.string('finished_at', 30).nullable();

    table.unique(['in_flight_key'], {
      indexName: 'promotions_in_flight_key_uq',
    });
    table.unique(['entity_ref', 'idempotency_key'], {
      indexName: 'promotions_idempotency_key_uq',
    });
    table.index(['entity_ref', 'created_at'], 'promotions_entity_ref_idx');
  });

  await knex.schema.createTable('promotion_decisions', table => {
    table.comment(
      'Approve or reject decisions, bound to the version decided on',
    );
    table.increments('id').primary();
    table
      .string('promotion_id', 36)
      .notNullable()
      .references('id')
      .inTable('promotions');
    table.string('user', 255).notNullable();
    table.string('decision', 16).notNullable();
    table.text('comment').nullable();
    table.string('at', 30).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('target', 63).notNullable();
    table.string('version_name', 255).notNullable();
    table.string('version_tag', 128).nullable();
    table.string('version_digest', 71).nullable();
    table
      .string('binding', 64)
      .notNullable()
      .comment(
        'sha256 of (entity_ref, target, version): the decision is void once it differs',
      );

    // One decision per user for each (entity, target, version) of the promotion: a user whose
    // decision was voided by a version change may decide again.
    table.unique(['promotion_id', 'user', 'binding'], {
      indexName: 'promotion_decisions_user_uq',
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('promotion_decisions');
  await knex.schema.dropTable('promotions');
};
