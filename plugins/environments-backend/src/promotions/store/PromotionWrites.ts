import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  ApprovalDecision,
  ImageReference,
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import type { Knex } from 'knex';
import { z } from 'zod/v3';
import { parseInput } from '../../database/parseInput';
import { isFinalState } from '../lifecycle/isFinalState';
import type { FirstAuditEntry, NewPromotion, PromotionPatch } from '../types';
import { compareAndSetPromotion } from './compareAndSetPromotion';
import { decisionSchema } from './decisionSchema';
import { imageReferenceSchema } from './imageReferenceSchema';
import { inFlightConflict } from './inFlightConflict';
import { insertPromotionWithAudit } from './insertPromotionWithAudit';
import { isUniqueViolation } from './isUniqueViolation';
import { mapPromotionRow } from './mapPromotionRow';
import { newPromotionRow } from './newPromotionRow';
import { newPromotionSchema } from './newPromotionSchema';
import { patchColumns } from './patchColumns';
import { promotionPatchSchema } from './promotionPatchSchema';
import { promotionStateSchema } from './promotionStateSchema';
import type { PromotionQueries } from './PromotionQueries';
import { recordDecision } from './recordDecision';

const MAX_CREATE_ATTEMPTS = 3;

const transitionSchema = z.object({
  from: z.array(promotionStateSchema).min(1),
  to: promotionStateSchema,
});

/**
 * Changes to the `promotions` table, validated first: creation under the in-flight and
 * idempotency UNIQUE keys, compare-and-set transitions and patches, and decisions.
 */
export class PromotionWrites {
  constructor(
    private readonly knex: Knex,
    private readonly queries: PromotionQueries,
    private readonly now: () => Date,
  ) {}

  async create(
    promotion: NewPromotion,
    firstAudit?: FirstAuditEntry,
  ): Promise<{ promotion: Promotion; created: boolean }> {
    const valid = parseInput(newPromotionSchema, promotion, 'promotion');
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
      const existing = await this.queries.findByIdempotencyKey(valid);
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
      const inFlight = await this.queries.findInFlight(valid.targetFolder);
      if (inFlight && !(await this.queries.findByIdempotencyKey(valid))) {
        throw inFlightConflict(inFlight);
      }
      // Neither: the blocking promotion finished in between; try again.
    }
    throw new ConflictError(
      `Could not create the promotion of ${valid.entityRef} to ${valid.target}: ` +
        'other promotions keep taking its place; try again',
    );
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
    return this.queries.one(row);
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
    return this.queries.one(row);
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
    const decided = await this.queries.get(id);
    if (!decided) {
      throw new NotFoundError(`No promotion ${id}`);
    }
    return decided;
  }

  private nowIso(): string {
    return this.now().toISOString();
  }
}
