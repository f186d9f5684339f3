import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
import type { PromotionRow } from './rows';

const MAX_ATTEMPTS = 10;

/**
 * Applies `change` to a promotion row with optimistic locking: the UPDATE only matches the
 * revision that `change` saw, so a concurrent writer makes it re-read and decide again. Returns
 * the updated row, or undefined when the row is missing or `change` declines (returns undefined).
 */
export async function compareAndSetPromotion(
  knex: Knex,
  id: string,
  change: (row: PromotionRow) => Partial<PromotionRow> | undefined,
): Promise<PromotionRow | undefined> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = await knex<PromotionRow>('promotions').where({ id }).first();
    if (!row) {
      return undefined;
    }
    const changes = change(row);
    if (!changes) {
      return undefined;
    }
    const next = { ...changes, revision: row.revision + 1 };
    const updated = await knex<PromotionRow>('promotions')
      .where({ id, revision: row.revision })
      .update(next);
    if (updated === 1) {
      return { ...row, ...next };
    }
  }
  // Every attempt lost to another writer: each loss means someone else made progress.
  throw new ConflictError(
    `Promotion ${id} is being changed concurrently; try again`,
  );
}
