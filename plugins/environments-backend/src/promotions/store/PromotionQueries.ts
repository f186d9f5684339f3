import type { Promotion } from '@stageline/plugin-environments-common';
import type { Knex } from 'knex';
import type { NewPromotion } from '../types';
import { clampListLimit } from './clampListLimit';
import { inFlightKey } from './inFlightKey';
import { mapPromotionRow } from './mapPromotionRow';
import { PromotionDecisions } from './PromotionDecisions';
import type { PromotionRow } from './rows';

/** Reads of the `promotions` table, each promotion with its decisions. */
export class PromotionQueries {
  private readonly decisions: PromotionDecisions;

  constructor(private readonly knex: Knex) {
    this.decisions = new PromotionDecisions(knex);
  }

  async get(id: string): Promise<Promotion | undefined> {
    const row = await this.knex<PromotionRow>('promotions')
      .where({ id })
      .first();
    return this.one(row);
  }

  async listByEntity(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<Promotion[]> {
    const rows = await this.knex<PromotionRow>('promotions')
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(clampListLimit(options?.limit));
    return this.withDecisions(rows);
  }

  async listInFlight(entityRef?: string): Promise<Promotion[]> {
    // Not limited: the background task must see every one, and there is at most one per
    // overlay folder.
    const query =
      this.knex<PromotionRow>('promotions').whereNotNull('in_flight_key');
    if (entityRef !== undefined) query.where({ entity_ref: entityRef });
    const rows = await query.orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return this.withDecisions(rows);
  }

  async findInFlight(targetFolder: string): Promise<Promotion | undefined> {
    const row = await this.knex<PromotionRow>('promotions')
      .where({ in_flight_key: inFlightKey(targetFolder) })
      .first();
    return this.one(row);
  }

  async findByIdempotencyKey(
    promotion: Pick<NewPromotion, 'entityRef' | 'idempotencyKey'>,
  ): Promise<Promotion | undefined> {
    if (promotion.idempotencyKey === undefined) {
      return undefined;
    }
    const row = await this.knex<PromotionRow>('promotions')
      .where({
        entity_ref: promotion.entityRef,
        idempotency_key: promotion.idempotencyKey,
      })
      .first();
    return this.one(row);
  }

  /** The promotion of a row read or written, with its decisions. */
  async one(row: PromotionRow | undefined): Promise<Promotion | undefined> {
    return row ? (await this.withDecisions([row]))[0] : undefined;
  }

  async withDecisions(rows: PromotionRow[]): Promise<Promotion[]> {
    const decisions = await this.decisions.listFor(rows.map(row => row.id));
    return rows.map(row => mapPromotionRow(row, decisions.get(row.id) ?? []));
  }
}
