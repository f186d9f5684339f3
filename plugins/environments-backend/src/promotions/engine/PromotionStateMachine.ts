import type { Promotion } from '@stageline/plugin-environments-common';
import { shortVersion } from '@stageline/plugin-environments-common';
import { sameVersion } from '@stageline/plugin-environments-common';
import { findEnvironment } from '../../config/findEnvironment';
import type { ChainState } from '../../readmodel/ChainState';
import { approvalsGate } from '../gates/approvalsGate';
import { candidateVersion } from '../gates/candidateVersion';
import type { PromotionDeps } from '../PromotionDeps';
import { runsVersion } from '../runsVersion';
import { describeSchedule } from '../schedule/describeSchedule';
import { scheduleWait } from '../schedule/scheduleWait';
import type { PromotionPatch } from '../types';
import type { OverlayWriter } from '../writers/types';
import {
  auditPromotion,
  finishPromotion,
  olderThan,
  readForEngine,
} from './engineSteps';
import { followAgent } from './followAgent';
import { MigrationStep } from './MigrationStep';
import { PromotionExecutor } from './PromotionExecutor';
import { VerificationStep } from './VerificationStep';

/** A pull request left unmerged this long fails the promotion. */
const MERGE_TIMEOUT_MS = 7 * 24 * 3600_000;

/**
 * The states a promotion passes and what moves it from each: approvals (following a source that
 * moves on), the write (the executor), the merge and the rollout. Every transition is a
 * compare-and-set, so two instances never both move one promotion.
 */
export class PromotionStateMachine {
  readonly #deps: PromotionDeps;
  readonly #executor: PromotionExecutor;
  readonly #verification: VerificationStep;
  readonly #migrations: MigrationStep;

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
    this.#executor = new PromotionExecutor(deps);
    this.#verification = new VerificationStep(deps);
    this.#migrations = new MigrationStep(deps);
  }

  /** Automatic rollbacks a restart left unwritten. */
  async writeDueRollbacks(): Promise<void> {
    await this.#verification.writeDueRollbacks();
  }

  /** One step from the promotion's current state. */
  async step(promotion: Promotion): Promise<Promotion | undefined> {
    switch (promotion.state) {
      case 'requested':
        return this.#start(promotion);
      case 'awaiting-approval':
        return this.#followSource(promotion);
      case 'executing':
        await this.#verification.prepare(promotion);
        return this.#executor.execute(promotion);
      case 'waiting-for-merge':
        return this.#waitForMerge(promotion);
      case 'rolling-out':
        return this.#waitForRollout(promotion);
      case 'verifying':
        return this.#verification.verify(promotion);
      default:
        return promotion;
    }
  }

  /**
   * From `requested` to its approvals or its write; a scheduled one only once its time came (and,
   * for `whenFreezeEnds`, no freeze window is open). The executor then checks every gate again.
   */
  async #start(promotion: Promotion): Promise<Promotion | undefined> {
    if (await scheduleWait(this.#deps, promotion)) return promotion;
    const approvals = approvalsGate({
      required: promotion.approvalsRequired,
      decisions: promotion.approvals,
      requestedBy: promotion.requestedBy,
    });
    const started = await this.#deps.store.transition(
      promotion.id,
      ['requested'],
      approvals.passed ? 'executing' : 'awaiting-approval',
      promotion.schedule && {
        stateReason: `Its scheduled time came (${describeSchedule(
          promotion.schedule,
        )}): gates are checked again before the write`,
      },
    );
    if (!started || !promotion.schedule) return started;
    await auditPromotion(this.#deps, started, {
      actor: 'stageline:engine',
      action: 'promotion.schedule-due',
      result: 'succeeded',
      message: started.stateReason,
    });
    // Still under this instance's lease: write now rather than at the next tick.
    return started.state === 'executing' ? this.step(started) : started;
  }

  /** While approvals are gathered the source may move on: follow it, voiding earlier approvals. */
  async #followSource(promotion: Promotion) {
    if (promotion.kind !== 'promotion' || !promotion.source) return promotion;
    const { response } = await readForEngine(this.#deps, promotion);
    const source = response.environments.find(e => e.name === promotion.source);
    const { version } = source
      ? candidateVersion(source)
      : { version: undefined };
    if (!version || sameVersion(version, promotion.version)) return promotion;
    const moved = await this.#deps.store.updateVersion(promotion.id, version);
    if (!moved) return promotion;
    await auditPromotion(this.#deps, moved, {
      actor: 'stageline:engine',
      action: 'promotion.version-changed',
      result: 'succeeded',
      message: `${promotion.source} moved from ${shortVersion(
        promotion.version,
      )} to ${shortVersion(version)}: earlier approvals are void`,
    });
    const policy = findEnvironment(
      this.#deps.config,
      response.chain,
      moved.target,
    );
    await this.#deps.notifier.approvalNeeded(moved, policy.approvers ?? []);
    return moved;
  }

  async #waitForMerge(promotion: Promotion) {
    const state = await readForEngine(this.#deps, promotion);
    const status = await this.#writer(state).status({
      promotionId: promotion.id,
      mode: promotion.mode,
      links: promotion.links,
      autoMerge: promotion.autoMerge,
    });
    if (status.state === 'merged') {
      const links: PromotionPatch['links'] = status.commitSha
        ? { ...promotion.links, commit: { sha: status.commitSha } }
        : undefined;
      return this.#deps.store.transition(
        promotion.id,
        ['waiting-for-merge'],
        'rolling-out',
        {
          links,
          stateReason: `Merged; waiting for ${promotion.target} to run it`,
        },
      );
    }
    if (status.state === 'closed') {
      return finishPromotion(
        this.#deps,
        promotion,
        ['waiting-for-merge'],
        'failed',
        {
          stateReason: 'The pull request was closed without merging',
          link: promotion.links.pullRequest?.url,
        },
      );
    }
    if (status.state === 'failed') {
      return finishPromotion(
        this.#deps,
        promotion,
        ['waiting-for-merge'],
        'failed',
        {
          stateReason: status.reason,
        },
      );
    }
    if (olderThan(this.#deps, promotion, MERGE_TIMEOUT_MS)) {
      return finishPromotion(
        this.#deps,
        promotion,
        ['waiting-for-merge'],
        'failed',
        {
          stateReason: 'The pull request was not merged within 7 days',
        },
      );
    }
    return promotion;
  }

  async #waitForRollout(promotion: Promotion) {
    const state = await readForEngine(this.#deps, promotion);
    const target = state.response.environments.find(
      e => e.name === promotion.target,
    );
    // The rollout counts only once the version's migrations Job (if any) succeeded.
    const migrations = await this.#migrations.check(promotion, target);
    if (!migrations.done) {
      if (migrations.promotion.state !== 'rolling-out')
        return migrations.promotion;
      return this.#checkRollout(
        migrations.promotion,
        state,
        migrations.promotion.stateReason ?? 'migrations are not done',
      );
    }
    if (target && runsVersion(target, promotion.version)) {
      return this.#verification.rolledOut(promotion, state);
    }
    // With a GitOps agent, the rollout starts only once it applied the promotion's commit.
    const agent = await followAgent(
      this.#deps,
      promotion,
      target,
      state.response.chain,
    );
    return this.#checkRollout(
      agent.promotion,
      state,
      (agent.stop ? agent.reason : target?.sync.reason) ??
        'environment missing',
    );
  }

  /** A failed workflow run fails the promotion; so does the rollout timeout, saying `why`. */
  async #checkRollout(promotion: Promotion, state: ChainState, why: string) {
    if (promotion.mode === 'workflow-dispatch') {
      const status = await this.#writer(state).status({
        promotionId: promotion.id,
        mode: promotion.mode,
        links: promotion.links,
        autoMerge: promotion.autoMerge,
      });
      if (status.state === 'failed' || status.state === 'closed') {
        return finishPromotion(
          this.#deps,
          promotion,
          ['rolling-out'],
          'failed',
          {
            stateReason:
              status.state === 'failed'
                ? status.reason
                : 'The workflow run was cancelled',
            link: promotion.links.workflowRun?.url,
          },
        );
      }
    }
    const policy = findEnvironment(
      this.#deps.config,
      state.response.chain,
      promotion.target,
    );
    if (olderThan(this.#deps, promotion, policy.execution.rolloutTimeoutMs)) {
      return finishPromotion(this.#deps, promotion, ['rolling-out'], 'failed', {
        stateReason: `${promotion.target} did not run ${shortVersion(
          promotion.version,
        )} healthy in time: ${why}`,
      });
    }
    return promotion;
  }

  /** The writer of the promotion's GitOps repository; without one (config no longer allows it) the write failed. */
  #writer(state: ChainState): Pick<OverlayWriter, 'status'> {
    if (!state.gitopsLocation) {
      const reason = `${state.ctx.entityRef} has no GitOps repository that config allows`;
      return { status: async () => ({ state: 'failed', reason }) };
    }
    return this.#deps.writers.resolve(state.gitopsLocation);
  }
}
