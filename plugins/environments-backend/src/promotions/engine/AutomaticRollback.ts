import { parseEntityRef } from '@backstage/catalog-model';
import { ConflictError, isError, NotFoundError } from '@backstage/errors';
import {
  formatImageReference,
  type Promotion,
  sameVersion,
} from '@stageline/plugin-environments-common';
import { findChain, findEnvironment } from '../../config/findEnvironment';
import { errorMessage } from '../../errors/errorMessage';
import { planRollback } from '../planRollback';
import type { PromotionDeps } from '../PromotionDeps';
import { auditPromotion } from './engineSteps';

/** Who requests the rollbacks a failed verification writes. */
export const AUTOMATIC_ROLLBACK_ACTOR = 'stageline:verification';

/**
 * The rollback a failed verification writes with `onFailure: rollback`: to the last version that
 * succeeded (and so passed verification) in the target before, planned like a person's rollback,
 * stored with the failed promotion's id as idempotency key (so a retry after a restart finds it
 * rather than writing a second one), then written by the engine through the same writers.
 */
export class AutomaticRollback {
  readonly #deps: PromotionDeps;

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
  }

  async write(failed: Promotion): Promise<void> {
    const deps = this.#deps;
    if (failed.kind === 'rollback') {
      await this.#skip(
        failed,
        'A rollback that fails verification is not rolled back again: roll back by hand if needed',
      );
      return;
    }
    const idempotencyKey = `verification-rollback:${failed.id}`;
    // Written before a restart, perhaps already rolled out: record it, never plan again.
    const written = await deps.store.findByIdempotencyKey({
      entityRef: failed.entityRef,
      idempotencyKey,
    });
    if (written) {
      await deps.verifier.store.recordRollback(failed.id, {
        promotionId: written.id,
      });
      return;
    }
    const history = await deps.store.listByEntity(failed.entityRef, {
      limit: 200,
    });
    const lastVerified = history.find(
      p =>
        p.target === failed.target &&
        p.state === 'succeeded' &&
        !sameVersion(p.version, failed.version) &&
        p.createdAt <= failed.createdAt,
    );
    if (!lastVerified) {
      await this.#skip(
        failed,
        `No earlier version succeeded in ${failed.target} through Stageline: nothing to roll back to`,
      );
      return;
    }
    const credentials = await deps.serviceCredentials();
    const ref = parseEntityRef(failed.entityRef);
    try {
      const plan = await planRollback(
        deps,
        failed.entityRef,
        {
          target: failed.target,
          version: formatImageReference(lastVerified.version),
          rollback: true,
        },
        credentials,
      );
      const ctx = await deps.environments.readContext(ref, { credentials });
      const definition = findChain(deps.config, ctx).find(
        env => env.definition.name === failed.target,
      )!.definition;
      const targetFolder = await deps.environments.overlayFolder(
        ctx,
        definition,
      );
      const policy = findEnvironment(deps.config, ctx.chain, failed.target);
      // Like every rollback, it waits for no approvals.
      const state = 'executing';
      const reason = `Automatic rollback: ${formatImageReference(
        failed.version,
      )} failed verification (${failed.stateReason ?? 'a check failed'})`;
      const { promotion: rollback, created } = await deps.store.create(
        {
          entityRef: failed.entityRef,
          kind: 'rollback',
          target: failed.target,
          targetFolder,
          version: plan.version,
          requestedBy: AUTOMATIC_ROLLBACK_ACTOR,
          reason: reason.slice(0, 1000),
          mode: policy.execution.mode,
          autoMerge: policy.execution.autoMerge,
          approvalsRequired: 0,
          idempotencyKey,
          state,
        },
        {
          at: deps.now().toISOString(),
          actor: AUTOMATIC_ROLLBACK_ACTOR,
          action: 'rollback.automatic',
          result: 'succeeded',
          message: `${formatImageReference(plan.version)} to ${
            failed.target
          } after promotion ${failed.id} failed verification: ${state}`,
        },
      );
      await deps.verifier.store.recordRollback(failed.id, {
        promotionId: rollback.id,
      });
      // Found by its idempotency key after a restart: already audited and notified.
      if (!created) return;
      await auditPromotion(deps, failed, {
        actor: AUTOMATIC_ROLLBACK_ACTOR,
        action: 'promotion.rollback-requested',
        result: 'succeeded',
        message: `Automatic rollback ${rollback.id} to ${formatImageReference(
          rollback.version,
        )}`,
      });
      await deps.notifier.automaticRollback(
        rollback,
        failed,
        policy.approvers ?? [],
      );
    } catch (error) {
      // Refused for good (another promotion in flight, the entity gone): say why, stop trying.
      if (
        isError(error) &&
        [ConflictError.name, NotFoundError.name].includes(error.name)
      ) {
        await this.#skip(failed, `Not rolled back: ${errorMessage(error)}`);
        return;
      }
      throw error;
    }
  }

  async #skip(failed: Promotion, note: string) {
    await this.#deps.verifier.store.recordRollback(failed.id, { note });
    await auditPromotion(this.#deps, failed, {
      actor: AUTOMATIC_ROLLBACK_ACTOR,
      action: 'promotion.rollback-skipped',
      result: 'failed',
      message: note,
    });
    this.#deps.logger.warn(`Promotion ${failed.id}: ${note}`);
  }
}
