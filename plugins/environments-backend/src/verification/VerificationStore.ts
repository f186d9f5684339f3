import type { Knex } from 'knex';
import { z } from 'zod/v3';
import type { CheckResult } from './CheckResult';

const checkResultSchema = z.object({
  check: z.string(),
  passed: z.boolean(),
  reason: z.string(),
  at: z.string(),
});

type VerificationRow = {
  promotion_id: string;
  before: string;
  started_at: string | null;
  restarts_at_start: number | null;
  results: string;
  outcome: string | null;
  on_failure: string | null;
  rollback_promotion_id: string | null;
  rollback_note: string | null;
  created_at: string;
  updated_at: string;
};

/** The verification of one promotion, as stored. */
export type Verification = {
  promotionId: string;
  /** Prometheus values before the write, by check name. */
  before: Record<string, number>;
  startedAt?: string;
  restartsAtStart?: number;
  /** The latest result of each check. */
  results: CheckResult[];
  outcome?: 'passed' | 'failed';
  onFailure?: 'notify' | 'rollback';
  rollbackPromotionId?: string;
  rollbackNote?: string;
};

const TABLE = 'promotion_verifications';

/**
 * The `promotion_verifications` table. Every write is keyed by the promotion, and the outcome
 * is set once (compare-and-set on a NULL outcome), so two instances never decide twice.
 */
export class VerificationStore {
  readonly #knex: Knex;
  readonly #now: () => Date;

  constructor(knex: Knex, now: () => Date = () => new Date()) {
    this.#knex = knex;
    this.#now = now;
  }

  async get(promotionId: string): Promise<Verification | undefined> {
    const row = await this.#knex<VerificationRow>(TABLE)
      .where({ promotion_id: promotionId })
      .first();
    return row ? toVerification(row) : undefined;
  }

  /** The values from before the write; a second call keeps the first values. */
  async recordBefore(
    promotionId: string,
    before: Record<string, number>,
  ): Promise<void> {
    const now = this.#now().toISOString();
    await this.#knex<VerificationRow>(TABLE)
      .insert({
        promotion_id: promotionId,
        before: JSON.stringify(before),
        results: '[]',
        created_at: now,
        updated_at: now,
      })
      .onConflict('promotion_id')
      .ignore();
  }

  /** When the checks began and the restarts counted then; a second call keeps the first. */
  async start(promotionId: string, restartsAtStart: number): Promise<void> {
    await this.recordBefore(promotionId, {});
    await this.#knex<VerificationRow>(TABLE)
      .where({ promotion_id: promotionId })
      .whereNull('started_at')
      .update({
        started_at: this.#now().toISOString(),
        restarts_at_start: restartsAtStart,
        updated_at: this.#now().toISOString(),
      });
  }

  async saveResults(promotionId: string, results: CheckResult[]) {
    await this.#knex<VerificationRow>(TABLE)
      .where({ promotion_id: promotionId })
      .whereNull('outcome')
      .update({
        results: JSON.stringify(results),
        updated_at: this.#now().toISOString(),
      });
  }

  /** Sets the outcome once; false when it was already set. */
  async decide(
    promotionId: string,
    outcome: 'passed' | 'failed',
    onFailure: 'notify' | 'rollback',
    results: CheckResult[],
  ): Promise<boolean> {
    const changed = await this.#knex<VerificationRow>(TABLE)
      .where({ promotion_id: promotionId })
      .whereNull('outcome')
      .update({
        outcome,
        on_failure: outcome === 'failed' ? onFailure : null,
        results: JSON.stringify(results),
        updated_at: this.#now().toISOString(),
      });
    return changed === 1;
  }

  /** Failed verifications whose automatic rollback is not written yet, oldest first. */
  async listRollbacksDue(): Promise<Verification[]> {
    const rows = await this.#knex<VerificationRow>(TABLE)
      .where({ outcome: 'failed', on_failure: 'rollback' })
      .whereNull('rollback_promotion_id')
      .whereNull('rollback_note')
      .orderBy('updated_at', 'asc')
      .limit(50);
    return rows.map(toVerification);
  }

  /** Records the rollback written, or why none could be. */
  async recordRollback(
    promotionId: string,
    rollback: { promotionId: string } | { note: string },
  ): Promise<void> {
    await this.#knex<VerificationRow>(TABLE)
      .where({ promotion_id: promotionId })
      .update({
        ...('note' in rollback
          ? { rollback_note: rollback.note }
          : { rollback_promotion_id: rollback.promotionId }),
        updated_at: this.#now().toISOString(),
      });
  }

  /** Promotion ids among `ids` whose verification passed. */
  async listPassed(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.#knex<VerificationRow>(TABLE)
      .whereIn('promotion_id', ids)
      .where({ outcome: 'passed' })
      .select('promotion_id');
    return new Set(rows.map(row => row.promotion_id));
  }
}

function toVerification(row: VerificationRow): Verification {
  return {
    promotionId: row.promotion_id,
    before: z.record(z.number()).parse(JSON.parse(row.before)),
    ...(row.started_at !== null && { startedAt: row.started_at }),
    ...(row.restarts_at_start !== null && {
      restartsAtStart: row.restarts_at_start,
    }),
    results: z.array(checkResultSchema).parse(JSON.parse(row.results)),
    ...(row.outcome !== null && {
      outcome: z.enum(['passed', 'failed']).parse(row.outcome),
    }),
    ...(row.on_failure !== null && {
      onFailure: z.enum(['notify', 'rollback']).parse(row.on_failure),
    }),
    ...(row.rollback_promotion_id !== null && {
      rollbackPromotionId: row.rollback_promotion_id,
    }),
    ...(row.rollback_note !== null && { rollbackNote: row.rollback_note }),
  };
}
