import type { Promotion } from '@stageline/plugin-environments-common';
import type { Knex } from 'knex';
import type { PromotionQueries } from './PromotionQueries';
import type { PromotionRow } from './rows';

/**
 * The after-the-fact acknowledgement of break-glass promotions: set once (a conditional update,
 * so two approvers acknowledging at once record only the first), and the ones still waiting.
 */
export class BreakGlassAcknowledgements {
  constructor(
    private readonly knex: Knex,
    private readonly queries: PromotionQueries,
  ) {}

  /** The acknowledged promotion, or undefined when it is not break-glass or was acknowledged. */
  async acknowledge(
    id: string,
    acknowledgement: { user: string; at: string },
  ): Promise<Promotion | undefined> {
    const updated = await this.knex<PromotionRow>('promotions')
      .where({ id })
      .whereNotNull('break_glass_incident')
      .whereNull('break_glass_acknowledged_by')
      .update({
        break_glass_acknowledged_by: acknowledgement.user,
        break_glass_acknowledged_at: acknowledgement.at,
      });
    return updated === 1 ? this.queries.get(id) : undefined;
  }

  /** Break-glass promotions no approver acknowledged yet, newest first; only the entity's if given. */
  async listUnacknowledged(entityRef?: string): Promise<Promotion[]> {
    const query = this.knex<PromotionRow>('promotions')
      .whereNotNull('break_glass_incident')
      .whereNull('break_glass_acknowledged_by');
    if (entityRef !== undefined) query.where({ entity_ref: entityRef });
    const rows = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(200);
    return this.queries.withDecisions(rows);
  }
}
