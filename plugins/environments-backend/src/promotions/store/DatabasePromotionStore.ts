import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type {
  ApprovalDecision,
  ImageReference,
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import type { Knex } from 'knex';
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
import { PreviewOverrideTable } from '../../previews/store/PreviewOverrideTable';
import { BreakGlassAcknowledgements } from './BreakGlassAcknowledgements';
import { PromotionAuditLog } from './PromotionAuditLog';
import { PromotionLeases } from './PromotionLeases';
import { PromotionQueries } from './PromotionQueries';
import { PromotionWrites } from './PromotionWrites';

/**
 * Promotions, decisions, audit trail and preview overrides in the plugin's database. The
 * invariants that must hold across backend instances live in the schema: a UNIQUE in-flight key
 * per overlay folder, UNIQUE idempotency keys and decisions, and compare-and-set updates.
 */
export class DatabasePromotionStore
  implements PromotionStore, PreviewOverrideStore
{
  private readonly queries: PromotionQueries;
  private readonly writes: PromotionWrites;
  private readonly audit: PromotionAuditLog;
  private readonly previews: PreviewOverrideTable;
  private readonly leases: PromotionLeases;
  private readonly breakGlass: BreakGlassAcknowledgements;

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

  private constructor(knex: Knex, now: () => Date) {
    this.queries = new PromotionQueries(knex);
    this.writes = new PromotionWrites(knex, this.queries, now);
    this.audit = new PromotionAuditLog(knex);
    this.previews = new PreviewOverrideTable(knex, now);
    this.leases = new PromotionLeases(knex, now);
    this.breakGlass = new BreakGlassAcknowledgements(knex, this.queries);
  }

  async create(
    promotion: NewPromotion,
    firstAudit?: FirstAuditEntry,
  ): Promise<{ promotion: Promotion; created: boolean }> {
    return this.writes.create(promotion, firstAudit);
  }

  async get(id: string): Promise<Promotion | undefined> {
    return this.queries.get(id);
  }

  async acknowledgeBreakGlass(
    id: string,
    acknowledgement: { user: string; at: string },
  ): Promise<Promotion | undefined> {
    return this.breakGlass.acknowledge(id, acknowledgement);
  }

  async listUnacknowledgedBreakGlass(entityRef?: string): Promise<Promotion[]> {
    return this.breakGlass.listUnacknowledged(entityRef);
  }

  async listByEntity(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<Promotion[]> {
    return this.queries.listByEntity(entityRef, options);
  }

  async listInFlight(entityRef?: string): Promise<Promotion[]> {
    return this.queries.listInFlight(entityRef);
  }

  async findInFlight(targetFolder: string): Promise<Promotion | undefined> {
    return this.queries.findInFlight(targetFolder);
  }

  async transition(
    id: string,
    from: PromotionState[],
    to: PromotionState,
    patch?: PromotionPatch,
  ): Promise<Promotion | undefined> {
    return this.writes.transition(id, from, to, patch);
  }

  async updateVersion(
    id: string,
    version: ImageReference,
  ): Promise<Promotion | undefined> {
    return this.writes.updateVersion(id, version);
  }

  async patch(id: string, patch: PromotionPatch): Promise<void> {
    await this.writes.patch(id, patch);
  }

  async addDecision(
    id: string,
    decision: Omit<ApprovalDecision, 'valid'> & { version: ImageReference },
  ): Promise<Promotion> {
    return this.writes.addDecision(id, decision);
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
    return this.queries.findByIdempotencyKey(promotion);
  }
}
