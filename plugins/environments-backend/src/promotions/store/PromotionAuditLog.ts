import type { Knex } from 'knex';
import { z } from 'zod/v3';
import type { AuditPage } from '../types';
import type { AuditEntry } from '../../audit/types';
import { auditCursorSchema } from './auditCursorSchema';
import { clampListLimit } from './clampListLimit';
import { httpUrlSchema } from './httpUrlSchema';
import { isoTimestampSchema } from '../../database/isoTimestampSchema';
import { parseInput } from '../../database/parseInput';
import type { AuditRow } from './rows';
import { truncateText } from './truncateText';

const auditEntrySchema = z
  .object({
    at: isoTimestampSchema,
    actor: z.string().min(1).max(255),
    action: z.string().min(1).max(64),
    result: z.enum(['succeeded', 'failed', 'refused']),
    message: z.string().transform(truncateText).optional(),
    link: httpUrlSchema.optional(),
    entityRef: z.string().min(1).max(255),
    promotionId: z.string().min(1).max(36).optional(),
    environment: z.string().min(1).max(255).optional(),
  })
  .strict();

/** Actions about previews (`preview.delete`, `preview.keep`, `preview.extend`) start with this. */
const PREVIEW_ACTION_PREFIX = 'preview.';

/**
 * The `promotion_audit` table. Append-only: this class has no way to change or remove a row, and
 * a database trigger refuses it anyway.
 */
export class PromotionAuditLog {
  constructor(private readonly knex: Knex) {}

  async append(entry: AuditEntry): Promise<void> {
    const valid = parseInput(auditEntrySchema, entry, 'audit entry');
    await this.knex<AuditRow>('promotion_audit').insert({
      at: valid.at,
      actor: valid.actor,
      action: valid.action,
      result: valid.result,
      message: valid.message ?? null,
      link: valid.link ?? null,
      entity_ref: valid.entityRef,
      promotion_id: valid.promotionId ?? null,
      environment: valid.environment ?? null,
    });
  }

  /** The newest `limit` entries that match, oldest first. */
  async list(query: {
    promotionId?: string;
    entityRef?: string;
    limit?: number;
  }): Promise<AuditEntry[]> {
    const limit = clampListLimit(query.limit);
    let select = this.knex<AuditRow>('promotion_audit');
    if (query.promotionId !== undefined) {
      select = select.where('promotion_id', query.promotionId);
    }
    if (query.entityRef !== undefined) {
      select = select.where('entity_ref', query.entityRef);
    }
    const rows = await select.orderBy('id', 'desc').limit(limit);
    return rows.reverse().map(mapAuditRow);
  }

  /**
   * The newest `limit` entries of one promotion older than the cursor, oldest first. The cursor
   * is the id of a page's oldest row: ids only grow, so pages never overlap or skip a row, even
   * while new entries are appended.
   */
  async page(query: {
    promotionId: string;
    before?: string;
    limit?: number;
  }): Promise<AuditPage> {
    const select = this.knex<AuditRow>('promotion_audit').where(
      'promotion_id',
      query.promotionId,
    );
    return pageOf(select, query);
  }

  /**
   * The same pages over one entity's whole trail: its promotions' rows, refused attempts and
   * preview keeps, extends and deletes. `type` keeps only `preview.*` rows, or only the others.
   */
  async entityPage(query: {
    entityRef: string;
    type?: 'preview' | 'promotion';
    before?: string;
    limit?: number;
  }): Promise<AuditPage> {
    let select = this.knex<AuditRow>('promotion_audit').where(
      'entity_ref',
      query.entityRef,
    );
    if (query.type === 'preview') {
      select = select.where('action', 'like', `${PREVIEW_ACTION_PREFIX}%`);
    } else if (query.type === 'promotion') {
      select = select.whereNot('action', 'like', `${PREVIEW_ACTION_PREFIX}%`);
    }
    return pageOf(select, query);
  }
}

/** The newest `limit` rows `query` selects older than the cursor, oldest first. */
async function pageOf(
  query: Knex.QueryBuilder<AuditRow>,
  page: { before?: string; limit?: number },
): Promise<AuditPage> {
  const limit = clampListLimit(page.limit);
  let select = query;
  if (page.before !== undefined) {
    const before = parseInput(auditCursorSchema, page.before, 'before');
    select = select.where('id', '<', Number(before));
  }
  // One row more than the page tells whether older rows exist.
  const rows: AuditRow[] = await select.orderBy('id', 'desc').limit(limit + 1);
  const newestFirst = rows.slice(0, limit);
  const oldest = newestFirst.at(-1);
  return {
    entries: newestFirst.reverse().map(mapAuditRow),
    ...(rows.length > limit && oldest && { olderCursor: String(oldest.id) }),
  };
}

function mapAuditRow(row: AuditRow): AuditEntry {
  return {
    at: row.at,
    actor: row.actor,
    action: row.action,
    result: row.result as AuditEntry['result'],
    ...(row.message !== null && { message: row.message }),
    ...(row.link !== null && { link: row.link }),
    entityRef: row.entity_ref,
    ...(row.promotion_id !== null && { promotionId: row.promotion_id }),
    ...(row.environment !== null && { environment: row.environment }),
  };
}
