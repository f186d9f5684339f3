import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import {
  migrationForPromotion,
  migrationReason,
  undeployedMigrationReason,
} from '../migrationForPromotion';
import type { PromotionDeps } from '../PromotionDeps';
import { finishPromotion } from './engineSteps';

/**
 * The migrations step of a rollout: while the target's migrations Job for the version has not
 * succeeded the rollout does not count (the reason says so); a failed Job fails the promotion
 * with its message. Never a rollback: the schema may already have changed. When the target's
 * layout declares a migrations Job in Git, the rollout waits for it even before the cluster
 * shows it, so a Deployment ready first never counts without its migration.
 */
export class MigrationStep {
  readonly #deps: PromotionDeps;

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
  }

  /**
   * `done` when there is no migrations Job for the version (and Git declares none) or it
   * succeeded; otherwise the promotion as it is now (failed, or waiting with the reason recorded).
   */
  async check(
    promotion: Promotion,
    target: EnvironmentState | undefined,
  ): Promise<{ done: true } | { done: false; promotion: Promotion }> {
    const migration = migrationForPromotion(promotion, target);
    if (!migration) {
      if (!target?.desired?.migrationsJob) return { done: true };
      return this.#waiting(promotion, undeployedMigrationReason());
    }
    if (migration.phase === 'succeeded') return { done: true };
    const reason = migrationReason(migration);
    if (migration.phase === 'failed') {
      const failed = await finishPromotion(
        this.#deps,
        promotion,
        ['rolling-out'],
        'failed',
        { stateReason: reason },
      );
      return { done: false, promotion: failed };
    }
    return this.#waiting(promotion, reason);
  }

  async #waiting(
    promotion: Promotion,
    reason: string,
  ): Promise<{ done: false; promotion: Promotion }> {
    if (promotion.stateReason === reason) return { done: false, promotion };
    // A patch, not a transition: the rollout timeout keeps counting from the merge.
    await this.#deps.store.patch(promotion.id, { stateReason: reason });
    return {
      done: false,
      promotion: (await this.#deps.store.get(promotion.id)) ?? promotion,
    };
  }
}
