import type { Knex } from 'knex';
import type { PromotionRow } from '../promotions/store/rows';
import type { ProductionChange } from './ProductionChange';

const CHUNK = 500;

/**
 * Reads the promotion history the delivery metrics are computed from, straight from the
 * promotions table (read only; the promotion store owns the schema and its migrations).
 */
export class ProductionHistory {
  readonly #knex: Knex;

  constructor(knex: Knex) {
    this.#knex = knex;
  }

  /**
   * Promotions and rollbacks into each entity's production environment (`production` maps
   * entity ref to environment name) that finished at or after `since`, or have not finished.
   * Later ones are included too: whether a change was rolled back, or a failure restored, can
   * be decided after the period ends.
   */
  async list(
    production: Map<string, string>,
    since: Date,
  ): Promise<ProductionChange[]> {
    const refs = [...production.keys()];
    const changes: ProductionChange[] = [];
    for (let i = 0; i < refs.length; i += CHUNK) {
      const rows: Array<
        Pick<
          PromotionRow,
          | 'entity_ref'
          | 'kind'
          | 'target'
          | 'state'
          | 'created_at'
          | 'finished_at'
          | 'source_commit_at'
        >
      > = await this.#knex('promotions')
        .select(
          'entity_ref',
          'kind',
          'target',
          'state',
          'created_at',
          'finished_at',
          'source_commit_at',
        )
        .whereIn('entity_ref', refs.slice(i, i + CHUNK))
        .andWhere(q =>
          q
            .where('finished_at', '>=', since.toISOString())
            .orWhereNull('finished_at'),
        );
      for (const row of rows) {
        if (production.get(row.entity_ref) !== row.target) continue;
        changes.push({
          entityRef: row.entity_ref,
          kind: row.kind === 'rollback' ? 'rollback' : 'promotion',
          state: row.state,
          createdAt: new Date(row.created_at),
          finishedAt: row.finished_at ? new Date(row.finished_at) : undefined,
          sourceCommitAt: row.source_commit_at
            ? new Date(row.source_commit_at)
            : undefined,
        });
      }
    }
    return changes;
  }
}
