import { ConflictError, NotFoundError } from '@backstage/errors';
import type { ImageReference } from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';
import type { Knex } from 'knex';
import type { z } from 'zod/v3';
import { decisionBinding } from './decisionBinding';
import type { decisionSchema } from './decisionSchema';
import { mapPromotionRow } from './mapPromotionRow';
import { PromotionDecisions } from './PromotionDecisions';
import type { PromotionRow } from './rows';

/**
 * Records a decision for the version it was made on, in one transaction with checking that the
 * promotion still has that version and is not final. The check bumps the row's revision: on
 * PostgreSQL that holds the row lock until commit, and a concurrent version change (a
 * compare-and-set on the revision) re-reads after it; so a decision never lands on a version
 * other than the one it names.
 */
export async function recordDecision(
  knex: Knex,
  id: string,
  decision: z.infer<typeof decisionSchema>,
): Promise<void> {
  const { version } = decision;
  await knex.transaction(async trx => {
    const matched = await trx<PromotionRow>('promotions')
      .where({ id, version_name: version.name })
      .whereNotNull('in_flight_key')
      .andWhere(q => whereOptional(q, 'version_tag', version.tag))
      .andWhere(q => whereOptional(q, 'version_digest', version.digest))
      .increment('revision', 1);
    const row = await trx<PromotionRow>('promotions').where({ id }).first();
    if (!row) {
      throw new NotFoundError(`No promotion ${id}`);
    }
    if (matched !== 1) {
      throw refusal(row, version);
    }
    await new PromotionDecisions(trx).insert({
      promotion_id: id,
      user: decision.user,
      decision: decision.decision,
      comment: decision.comment ?? null,
      at: decision.at,
      entity_ref: row.entity_ref,
      target: row.target,
      version_name: version.name,
      version_tag: version.tag ?? null,
      version_digest: version.digest ?? null,
      binding: decisionBinding({
        entityRef: row.entity_ref,
        target: row.target,
        version,
      }),
    });
  });
}

function whereOptional(
  query: Knex.QueryBuilder,
  column: string,
  value: string | undefined,
) {
  return value === undefined
    ? query.whereNull(column)
    : query.where(column, value);
}

function refusal(row: PromotionRow, decidedOn: ImageReference): ConflictError {
  if (row.in_flight_key === null) {
    return new ConflictError(
      `Promotion ${row.id} is already ${row.state}; it takes no more decisions`,
    );
  }
  const current = formatImageReference(mapPromotionRow(row, []).version);
  return new ConflictError(
    `Promotion ${row.id} is now for ${current}, not ${formatImageReference(
      decidedOn,
    )}: look at the new version before deciding`,
  );
}
