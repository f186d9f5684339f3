import type { Knex } from 'knex';
import type { FirstAuditEntry } from '../types';
import { PromotionAuditLog } from './PromotionAuditLog';
import type { PromotionRow } from './rows';

/**
 * Inserts a promotion row and its first audit row in one transaction: a promotion never exists
 * (to be advanced and written to Git) without the record of who asked for it. Either failure
 * rolls both back and is rethrown as the database raised it (a unique violation included).
 */
export async function insertPromotionWithAudit(
  knex: Knex,
  row: PromotionRow,
  firstAudit: FirstAuditEntry | undefined,
): Promise<void> {
  await knex.transaction(async trx => {
    await trx<PromotionRow>('promotions').insert(row);
    if (firstAudit) {
      await new PromotionAuditLog(trx).append({
        ...firstAudit,
        entityRef: row.entity_ref,
        promotionId: row.id,
        environment: row.target,
      });
    }
  });
}
