import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import { shortVersion } from '@stageline/plugin-environments-common';
import { findEnvironment } from '../../config/findEnvironment';
import type { ChainState } from '../../readmodel/ChainState';
import type { VerificationTarget } from '../../verification/PromotionVerifier';
import type { PromotionDeps } from '../PromotionDeps';
import { AutomaticRollback } from './AutomaticRollback';
import { finishPromotion, readForEngine } from './engineSteps';

/**
 * What follows the rollout when the target configures verification: `verifying` while the checks
 * run, then `succeeded` or `failed-verification`, and with `onFailure: rollback` one automatic
 * rollback. The outcome is stored before the transition, so a restart acts on it, never on a
 * second round of checks.
 */
export class VerificationStep {
  readonly #deps: PromotionDeps;
  readonly #rollback: AutomaticRollback;

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
    this.#rollback = new AutomaticRollback(deps);
  }

  /** Before the write: the values the checks compare with, when any check compares. */
  async prepare(promotion: Promotion): Promise<void> {
    const compares = [...this.#deps.config.chains.values()]
      .flat()
      .some(
        env =>
          env.definition.name === promotion.target &&
          env.verification?.prometheus.some(
            check => check.atMostAbovePreviousPercent !== undefined,
          ),
      );
    if (!compares) return;
    const state = await readForEngine(this.#deps, promotion);
    const target = this.#target(promotion, state);
    if (target) await this.#deps.verifier.measureBefore(promotion, target);
  }

  /** The target runs the version healthy: verify it, or succeed when nothing is to verify. */
  async rolledOut(
    promotion: Promotion,
    state: ChainState,
  ): Promise<Promotion | undefined> {
    const target = this.#target(promotion, state);
    const runs = `${promotion.target} runs ${shortVersion(
      promotion.version,
    )}, healthy`;
    if (!target) {
      return finishPromotion(
        this.#deps,
        promotion,
        ['rolling-out'],
        'succeeded',
        { stateReason: runs },
      );
    }
    await this.#deps.verifier.start(promotion, target);
    return this.#deps.store.transition(
      promotion.id,
      ['rolling-out'],
      'verifying',
      { stateReason: `${runs}; verifying` },
    );
  }

  /** One round of checks, then the outcome once it is known. */
  async verify(promotion: Promotion): Promise<Promotion | undefined> {
    const stored = await this.#deps.verifier.store.get(promotion.id);
    if (stored?.outcome) {
      // Decided before a restart: act on that outcome, not on a new round of checks.
      const failed = stored.results.filter(r => !r.passed);
      return this.#conclude(
        promotion,
        stored.outcome,
        stored.outcome === 'passed'
          ? 'Verified: every check passed'
          : `Verification failed: ${failed
              .map(r => `${r.check}: ${r.reason}`)
              .join('; ')}`,
      );
    }
    const state = await readForEngine(this.#deps, promotion);
    const target = this.#target(promotion, state);
    if (!target) {
      return finishPromotion(
        this.#deps,
        promotion,
        ['verifying'],
        'succeeded',
        {
          stateReason: `${promotion.target} no longer configures verification`,
        },
      );
    }
    const verdict = await this.#deps.verifier.check(promotion, target);
    if (verdict.outcome === 'pending') {
      await this.#deps.store.patch(promotion.id, {
        stateReason: verdict.reason,
      });
      return promotion;
    }
    await this.#deps.verifier.store.decide(
      promotion.id,
      verdict.outcome,
      target.config.onFailure,
      verdict.results,
    );
    return this.#conclude(promotion, verdict.outcome, verdict.reason);
  }

  /** Automatic rollbacks decided but not written (a restart between the two): write them. */
  async writeDueRollbacks(): Promise<void> {
    for (const due of await this.#deps.verifier.store.listRollbacksDue()) {
      const failed = await this.#deps.store.get(due.promotionId);
      if (failed?.state === 'failed-verification') {
        await this.#rollback.write(failed);
      }
    }
  }

  async #conclude(
    promotion: Promotion,
    outcome: 'passed' | 'failed',
    reason: string,
  ): Promise<Promotion | undefined> {
    const done = await finishPromotion(
      this.#deps,
      promotion,
      ['verifying'],
      outcome === 'passed' ? 'succeeded' : 'failed-verification',
      { stateReason: reason },
    );
    if (done.state !== 'failed-verification') return done;
    const stored = await this.#deps.verifier.store.get(promotion.id);
    if (stored?.onFailure === 'rollback' && !stored.rollbackPromotionId) {
      await this.#rollback.write(done);
    }
    return done;
  }

  #target(
    promotion: Promotion,
    state: ChainState,
  ): VerificationTarget | undefined {
    const environment: EnvironmentState | undefined =
      state.response.environments.find(e => e.name === promotion.target);
    if (!environment) return undefined;
    const { verification } = findEnvironment(
      this.#deps.config,
      state.response.chain,
      promotion.target,
    );
    if (!verification) return undefined;
    return { environment, service: state.ctx.service, config: verification };
  }
}
