import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type AwaitingAcknowledgement,
  type AwaitingAcknowledgementsResponse,
  environmentsReadPermission,
  type Promotion,
  type PromotionBreakGlass,
} from '@stageline/plugin-environments-common';
import {
  type FleetReads,
  permittedEntities,
  waitingPromotionFields,
} from './FleetReads';

/**
 * The break-glass promotions no approver acknowledged yet, across every service the caller may
 * read: one database query, one catalog read with the caller's credentials, and
 * `environments.read` decided in batches, as the fleet decides it. A promotion of a service the
 * caller may not read is dropped before anything of it is returned. No cluster or Git call.
 */
export class AwaitingAcknowledgements {
  readonly #reads: FleetReads;

  constructor(reads: FleetReads) {
    this.#reads = reads;
  }

  /** Newest first, at most `limit`. */
  async list(
    query: { limit: number },
    credentials: BackstageCredentials,
  ): Promise<AwaitingAcknowledgementsResponse> {
    const unacknowledged =
      await this.#reads.store.listUnacknowledgedBreakGlass();
    if (unacknowledged.length === 0) return { promotions: [] };
    const readable = await permittedEntities(
      this.#reads,
      [...new Set(unacknowledged.map(p => p.entityRef))],
      [environmentsReadPermission],
      credentials,
    );
    return {
      promotions: unacknowledged
        .filter(isBreakGlass)
        .filter(p => readable.has(p.entityRef))
        .slice(0, query.limit)
        .map(toAwaitingAcknowledgement),
    };
  }
}

type BreakGlassPromotion = Promotion & { breakGlass: PromotionBreakGlass };

function isBreakGlass(p: Promotion): p is BreakGlassPromotion {
  return p.breakGlass !== undefined;
}

function toAwaitingAcknowledgement(
  p: BreakGlassPromotion,
): AwaitingAcknowledgement {
  return {
    ...waitingPromotionFields(p),
    kind: p.kind,
    incident: p.breakGlass.incident,
  };
}
