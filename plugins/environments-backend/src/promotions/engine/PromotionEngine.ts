import type {
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import { errorMessage } from '../../errors/errorMessage';
import { isFinalState } from '../lifecycle/isFinalState';
import type { PromotionDeps } from '../PromotionDeps';
import type { FinishDetail, PromotionRunner } from '../types';
import { finishPromotion } from './engineSteps';
import { PromotionStateMachine } from './PromotionStateMachine';

/** How long one instance may hold a promotion while it advances it. */
const LEASE_MS = 2 * 60_000;

/**
 * Runs promotions through their states from the database: each step holds a lease on the
 * promotion, so the engine is safe to run on several backend instances. What a step does is the
 * state machine's; the write is the executor's.
 */
export class PromotionEngine implements PromotionRunner {
  readonly #deps: PromotionDeps;
  readonly #states: PromotionStateMachine;
  readonly #running = new Set<Promise<void>>();

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
    this.#states = new PromotionStateMachine(deps);
  }

  /** Advances a promotion in the background, right away rather than at the next tick. */
  advanceSoon(id: string): void {
    const run = this.advance(id)
      .then(() => undefined)
      .catch(error =>
        this.#deps.logger.error('Promotion could not advance', {
          promotionId: id,
          error: errorMessage(error),
        }),
      )
      .finally(() => this.#running.delete(run));
    this.#running.add(run);
  }

  /** Resolves when every background advance started so far has ended (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) {
      await Promise.all([...this.#running]);
    }
  }

  /** One pass over every promotion in flight: what the scheduled task runs. */
  async advanceAll(): Promise<void> {
    try {
      await this.#states.writeDueRollbacks();
    } catch (error) {
      this.#deps.logger.error('Automatic rollbacks could not be written', {
        error: errorMessage(error),
      });
    }
    for (const promotion of await this.#deps.store.listInFlight()) {
      try {
        await this.advance(promotion.id);
      } catch (error) {
        this.#deps.logger.error('Promotion could not advance', {
          promotionId: promotion.id,
          error: errorMessage(error),
        });
      }
    }
  }

  /** Takes one step for one promotion, if no other instance holds it. */
  async advance(id: string): Promise<Promotion | undefined> {
    const { store, instanceId } = this.#deps;
    if (!(await store.claim(id, instanceId, LEASE_MS))) return undefined;
    try {
      const promotion = await store.get(id);
      if (!promotion || isFinalState(promotion.state)) return promotion;
      return await this.#states.step(promotion);
    } finally {
      await store.release(id, instanceId);
    }
  }

  /** Moves to a final state (once: compare-and-set), audits and notifies. */
  async finish(
    promotion: Promotion,
    from: PromotionState[],
    to: PromotionState,
    detail: FinishDetail,
  ): Promise<Promotion> {
    return finishPromotion(this.#deps, promotion, from, to, detail);
  }
}
