import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
import { isUniqueViolation } from './isUniqueViolation';
import type { DecisionRow } from './rows';

// SQLite refuses more bound variables than this in older builds.
const CHUNK_SIZE = 500;

/** The `promotion_decisions` table: one decision per (promotion, user, bound version). */
export class PromotionDecisions {
  constructor(private readonly knex: Knex) {}

  async insert(row: Omit<DecisionRow, 'id'>): Promise<void> {
    try {
      await this.knex<DecisionRow>('promotion_decisions').insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `${row.user} already decided on promotion ${row.promotion_id} for this version`,
        );
      }
      throw error;
    }
  }

  /** Decisions of each promotion, in the order they were made. */
  async listFor(promotionIds: string[]): Promise<Map<string, DecisionRow[]>> {
    const byPromotion = new Map<string, DecisionRow[]>();
    for (let i = 0; i < promotionIds.length; i += CHUNK_SIZE) {
      const rows = await this.knex<DecisionRow>('promotion_decisions')
        .whereIn('promotion_id', promotionIds.slice(i, i + CHUNK_SIZE))
        .orderBy('id', 'asc');
      for (const row of rows) {
        const list = byPromotion.get(row.promotion_id) ?? [];
        list.push(row);
        byPromotion.set(row.promotion_id, list);
      }
    }
    return byPromotion;
  }
}
