import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  type AwaitingApproval,
  type AwaitingApprovalsResponse,
  environmentsApprovePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  type Promotion,
  STAGELINE_ANNOTATIONS,
} from '@stageline/plugin-environments-common';
import { actorOf } from '../authorization/actorOf';
import { isProtectedEnvironment } from '../config/findEnvironment';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import {
  type FleetReads,
  permittedEntities,
  waitingPromotionFields,
} from './FleetReads';
import { lackingInBatches } from './lackingInBatches';

/**
 * The promotions awaiting approval that the caller could decide now: a signed-in user who did
 * not request them and has not decided yet, who may read the entity in the catalog and holds
 * `environments.read` and `environments.approve` on it (and `promote.protected` for a protected
 * target), as deciding would check. One database query, one catalog read, two permission
 * batches; no cluster or Git call.
 */
export class AwaitingApprovals {
  readonly #reads: FleetReads;
  readonly #config: Pick<EnvironmentsConfig, 'chains'>;

  constructor(
    options: FleetReads & { config: Pick<EnvironmentsConfig, 'chains'> },
  ) {
    this.#reads = options;
    this.#config = options.config;
  }

  async mine(
    credentials: BackstageCredentials,
  ): Promise<AwaitingApprovalsResponse> {
    const { user } = actorOf(credentials);
    if (!user) {
      throw new InputError('Approvals come from signed-in users only');
    }
    const waiting = (await this.#reads.store.listInFlight()).filter(
      p =>
        p.state === 'awaiting-approval' &&
        p.requestedBy !== user &&
        !p.approvals.some(a => a.user === user),
    );
    if (waiting.length === 0) return { promotions: [] };
    const entities = await permittedEntities(
      this.#reads,
      [...new Set(waiting.map(p => p.entityRef))],
      [environmentsReadPermission, environmentsApprovePermission],
      credentials,
    );
    const candidates = waiting.filter(p => entities.has(p.entityRef));
    const protectedRefs = [
      ...new Set(
        candidates
          .filter(p => this.#isProtected(entities.get(p.entityRef)!, p))
          .map(p => p.entityRef),
      ),
    ];
    const lackingProtected = await lackingInBatches(
      this.#reads.authorization,
      protectedRefs,
      [environmentsPromoteProtectedPermission],
      credentials,
    );
    return {
      promotions: candidates
        .filter(
          p =>
            !lackingProtected.has(p.entityRef) ||
            !this.#isProtected(entities.get(p.entityRef)!, p),
        )
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map(toAwaitingApproval),
    };
  }

  #isProtected(entity: Entity, promotion: Promotion): boolean {
    const chain =
      entity.metadata.annotations?.[STAGELINE_ANNOTATIONS.chain] || 'default';
    try {
      return isProtectedEnvironment(
        this.#config,
        { entityRef: promotion.entityRef, chain },
        promotion.target,
      );
    } catch {
      // A chain no longer configured: treat its target as protected, so the stricter rule applies.
      return true;
    }
  }
}

function toAwaitingApproval(p: Promotion): AwaitingApproval {
  return {
    ...waitingPromotionFields(p),
    approvalsRequired: p.approvalsRequired,
    approvals: p.approvals.filter(a => a.valid && a.decision === 'approved')
      .length,
  };
}
