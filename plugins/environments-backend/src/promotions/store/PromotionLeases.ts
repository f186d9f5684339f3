import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import type { PromotionClaim } from '../types';
import type { PromotionRow } from './rows';

const MAX_LEASE_MS = 24 * 60 * 60 * 1000;

/**
 * Execution leases on promotions in flight (columns `claim_owner`, `claim_expires_at`): one
 * backend instance at a time advances a promotion.
 */
export class PromotionLeases {
  constructor(private readonly knex: Knex, private readonly now: () => Date) {}

  async claim(id: string, owner: string, leaseMs: number): Promise<boolean> {
    if (!owner || !Number.isInteger(leaseMs) || leaseMs < 1) {
      throw new InputError('claim needs an owner and a positive lease');
    }
    const now = this.now();
    // Leases are compared with this instance's clock: keep backend clocks in sync (NTP).
    const updated = await this.knex<PromotionRow>('promotions')
      .where({ id })
      .whereNotNull('in_flight_key')
      .andWhere(free =>
        free
          .whereNull('claim_owner')
          .orWhere('claim_owner', owner)
          .orWhere('claim_expires_at', '<=', now.toISOString()),
      )
      .update({
        claim_owner: owner,
        claim_expires_at: new Date(
          now.getTime() + Math.min(leaseMs, MAX_LEASE_MS),
        ).toISOString(),
      });
    return updated === 1;
  }

  async release(id: string, owner: string): Promise<void> {
    await this.knex<PromotionRow>('promotions')
      .where({ id, claim_owner: owner })
      .update({ claim_owner: null, claim_expires_at: null });
  }

  async listClaims(ids: string[]): Promise<Map<string, PromotionClaim>> {
    if (ids.length === 0) return new Map();
    const rows = await this.knex<PromotionRow>('promotions')
      .whereIn('id', ids)
      .whereNotNull('claim_owner')
      .select('id', 'claim_owner', 'claim_expires_at');
    return new Map(
      rows
        .filter(row => row.claim_owner && row.claim_expires_at)
        .map(row => [
          row.id,
          { owner: row.claim_owner!, expiresAt: row.claim_expires_at! },
        ]),
    );
  }
}
