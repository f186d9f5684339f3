import { randomUUID } from 'node:crypto';
import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  ApprovalDecision,
  ImageReference,
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import type { Knex } from 'knex';
import { z } from 'zod/v3';
import { isFinalState } from '../isFinalState';
import type {
  AuditPage,
  FirstAuditEntry,
  NewPromotion,
  PromotionClaim,
  PromotionPatch,
  PromotionStore,
} from '../types';
import type { AuditEntry } from '../../audit/types';
import type {
  PreviewOverride,
  PreviewOverrideStore,
} from '../../previews/types';
import { clampListLimit } from './clampListLimit';
import { compareAndSetPromotion } from './compareAndSetPromotion';
import { decisionSchema } from './decisionSchema';
import { imageReferenceSchema } from './imageReferenceSchema';
import { inFlightKey } from './inFlightKey';
import { insertPromotionWithAudit } from './insertPromotionWithAudit';
import { isUniqueViolation } from './isUniqueViolation';
import { mapPromotionRow } from './mapPromotionRow';
import { newPromotionRow } from './newPromotionRow';
import { newPromotionSchema } from './newPromotionSchema';
import { parseInput } from '../../database/parseInput';
import { PreviewOverrideTable } from '../../previews/store/PreviewOverrideTable';
import { PromotionAuditLog } from './PromotionAuditLog';
import { PromotionDecisions } from './PromotionDecisions';
import { PromotionLeases } from './PromotionLeases';
import { inFlightConflict } from './inFlightConflict';
import { patchColumns } from './patchColumns';
import { promotionPatchSchema } from './promotionPatchSchema';
import { promotionStateSchema } from './promotionStateSchema';
import { recordDecision } from './recordDecision';
import type { PromotionRow } from './rows';

const MAX_CREATE_ATTEMPTS = 3;

const transitionSchema = z.object({
  from: z.array(promotionStateSchema).min(1),
  to: promotionStateSchema,
});

/**
 * Promotions, decisions, audit trail and preview overrides in the plugin's database. The
 * invariants that must hold across backend instances live in the schema: a UNIQUE in-flight key
 * per overlay folder, UNIQUE idempotency keys and decisions, and compare-and-set updates.
 */
export class DatabasePromotionStore
  implements PromotionStore, PreviewOverrideStore
{
  private readonly decisions: PromotionDecisions;
  private readonly audit: PromotionAuditLog;
  private readonly previews: PreviewOverrideTable;
  private readonly leases: PromotionLeases;

  static async create(options: {
    database: DatabaseService;
    /** Clock, for tests. */
    now?: () => Date;
  }): Promise<DatabasePromotionStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@stageline/plugin-environments-backend',
          'migrations',
        ),
      });
    }
    return new DatabasePromotionStore(knex, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly knex: Knex,
    private readonly now: () => Date,
  ) {
    this.decisions = new PromotionDecisions(knex);
    this.audit = new PromotionAuditLog(knex);
    this.previews = new PreviewOverrideTable(knex, now);
    this.leases = new PromotionLeases(knex, now);
  }

  async create(
    promotion: NewPromotion,
    firstAudit?: FirstAuditEntry,
  ): Promise<{ promotion: Promotion; created: boolean }> {
    const valid = parseInput(newPromotionSchema, promotion, 'promotion');
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
      const existing = await this.findByIdempotencyKey(valid);
      if (existing) {
        return { promotion: existing, created: false };
      }
      const row = newPromotionRow(valid, randomUUID(), this.nowIso());
      try {
        await insertPromotionWithAudit(this.knex, row, firstAudit);
        return { promotion: mapPromotionRow(row, []), created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) {
          throw error;
        }
      }
      // Another request took the idempotency key (returned on the next attempt) or the slot.
      const inFlight = await this.findInFlight(valid.targetFolder);
      if (inFlight && !(await this.findByIdempotencyKey(valid))) {
        throw inFlightConflict(inFlight);
      }
      // Neither: the blocking promotion finished in between; try again.
    }
    throw new ConflictError(
      `Could not create the promotion of ${valid.entityRef} to ${valid.target}: ` +
        'other promotions keep taking its place; try again',
    );
  }

  async get(id: string): Promise<Promotion | undefined> {
    const row = await this.knex<PromotionRow>('promotions')
      .where({ id })
      .first();
    return row ? (await this.withDecisions([row]))[0] : undefined;
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
    return row ? (await this.withDecisions([row]))[0] : undefined;
  }

  async transition(
    id: string,
    from: PromotionState[],
    to: PromotionState,
    patch?: PromotionPatch,
  ): Promise<Promotion | undefined> {
    const states = parseInput(transitionSchema, { from, to }, 'transition');
    if (states.from.some(isFinalState)) {
      throw new InputError(
        `A final promotion never changes state; cannot transition from ${from.join(
          ', ',
        )}`,
      );
    }
    const valid = parseInput(promotionPatchSchema, patch ?? {}, 'patch');
    const row = await compareAndSetPromotion(this.knex, id, current => {
      if (!states.from.includes(current.state as PromotionState)) {
        return undefined;
      }
      const now = this.nowIso();
      const final = isFinalState(states.to);
      return {
        ...patchColumns(current, valid),
        state: states.to,
        updated_at: now,
        // A final promotion frees its overlay folder and its execution lease.
        ...(final && {
          finished_at: now,
          in_flight_key: null,
          claim_owner: null,
          claim_expires_at: null,
        }),
      };
    });
    return row ? (await this.withDecisions([row]))[0] : undefined;
  }

  async updateVersion(
    id: string,
    version: ImageReference,
  ): Promise<Promotion | undefined> {
    const valid = parseInput(imageReferenceSchema, version, 'version');
    const row = await compareAndSetPromotion(this.knex, id, current => {
      if (!['requested', 'awaiting-approval'].includes(current.state)) {
        return undefined;
      }
      return {
        version_name: valid.name,
        version_tag: valid.tag ?? null,
        version_digest: valid.digest ?? null,
        updated_at: this.nowIso(),
      };
    });
    return row ? (await this.withDecisions([row]))[0] : undefined;
  }

  async patch(id: string, patch: PromotionPatch): Promise<void> {
    const valid = parseInput(promotionPatchSchema, patch, 'patch');
    // updated_at is when the state last changed: the engine's timeouts count from it, so a
    // reason or a link added while retrying must not restart them.
    const row = await compareAndSetPromotion(this.knex, id, current =>
      patchColumns(current, valid),
    );
    if (!row) {
      throw new NotFoundError(`No promotion ${id}`);
    }
  }

  async addDecision(
    id: string,
    decision: Omit<ApprovalDecision, 'valid'> & { version: ImageReference },
  ): Promise<Promotion> {
    const valid = parseInput(decisionSchema, decision, 'decision');
    await recordDecision(this.knex, id, valid);
    const decided = await this.get(id);
    if (!decided) {
      throw new NotFoundError(`No promotion ${id}`);
    }
    return decided;
  }

  async claim(id: string, owner: string, leaseMs: number): Promise<boolean> {
    return this.leases.claim(id, owner, leaseMs);
  }

  async release(id: string, owner: string): Promise<void> {
    await this.leases.release(id, owner);
  }

  async listClaims(ids: string[]): Promise<Map<string, PromotionClaim>> {
    return this.leases.listClaims(ids);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.audit.append(entry);
  }

  async listAuditPage(query: {
    promotionId: string;
    before?: string;
    limit?: number;
  }): Promise<AuditPage> {
    return this.audit.page(query);
  }

  async listEntityAuditPage(query: {
    entityRef: string;
    type?: 'preview' | 'promotion';
    before?: string;
    limit?: number;
  }): Promise<AuditPage> {
    return this.audit.entityPage(query);
  }

  async listAudit(query: {
    promotionId?: string;
    entityRef?: string;
    limit?: number;
  }): Promise<AuditEntry[]> {
    return this.audit.list(query);
  }

  async listPreviewOverrides(cluster: string): Promise<PreviewOverride[]> {
    return this.previews.listPreviewOverrides(cluster);
  }

  async setPreviewOverride(
    override: Omit<PreviewOverride, 'updatedAt'>,
  ): Promise<PreviewOverride> {
    return this.previews.setPreviewOverride(override);
  }

  async deletePreviewOverride(
    cluster: string,
    namespace: string,
  ): Promise<void> {
    await this.previews.deletePreviewOverride(cluster, namespace);
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
    return row ? (await this.withDecisions([row]))[0] : undefined;
  }

  private async withDecisions(rows: PromotionRow[]): Promise<Promotion[]> {
    const decisions = await this.decisions.listFor(rows.map(row => row.id));
    return rows.map(row => mapPromotionRow(row, decisions.get(row.id) ?? []));
  }

  private nowIso(): string {
    return this.now().toISOString();
  }
}
