import { ConflictError, isError } from '@backstage/errors';
import type {
  EnvironmentState,
  ImageReference,
  Promotion,
} from '@stageline/plugin-environments-common';
import {
  formatImageReference,
  promotionBranch,
  sameVersion,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { findEnvironment } from '../../config/findEnvironment';
import { errorMessage } from '../../errors/errorMessage';
import type { ChainState } from '../../readmodel/ChainState';
import { candidateVersion } from '../gates/candidateVersion';
import { gatesThatApply } from '../gates/breakGlassBypass';
import { evaluateGates } from '../gates/evaluateGates';
import { verifiedVersionsIn } from '../verifiedVersionsIn';
import { rollbackBlockingReasons } from './rollbackBlockingReasons';
import type { PromotionDeps } from '../PromotionDeps';
import { promotionMessages } from './promotionMessages';
import type { OverlayWriteResult } from '../writers/types';
import { withAuditorEvent } from '../withAuditorEvent';
import { auditPromotion, finishPromotion, readForEngine } from './engineSteps';

/** A write that keeps failing for a passing reason (GitHub rate limit, host down) gives up after this. */
const EXECUTE_TIMEOUT_MS = 30 * 60_000;

/**
 * The `executing` step: every gate checked again, then the overlay written once by the writer of
 * the environment's execution mode (a repeated attempt finds the earlier write by its trailer).
 */
export class PromotionExecutor {
  readonly #deps: PromotionDeps;

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
  }

  /** Re-checks every gate, then writes; the next state follows the execution mode. */
  async execute(promotion: Promotion): Promise<Promotion | undefined> {
    const state = await readForEngine(this.#deps, promotion);
    const blocked = this.#blockingReasons(
      promotion,
      state,
      await this.#verifiedVersions(promotion, state),
    );
    if (blocked.length > 0) {
      return finishPromotion(this.#deps, promotion, ['executing'], 'failed', {
        stateReason: `Not written: ${blocked.join('; ')}`,
      });
    }
    let result: OverlayWriteResult;
    try {
      result = await this.#write(promotion, state);
    } catch (error) {
      return this.#writeFailed(promotion, error);
    }
    const next =
      result.mode === 'pull-request' ? 'waiting-for-merge' : 'rolling-out';
    const moved = await this.#deps.store.transition(
      promotion.id,
      ['executing'],
      next,
      {
        links: result.links,
        stateReason:
          next === 'waiting-for-merge'
            ? 'Pull request open'
            : `Written; waiting for ${promotion.target} to run it`,
      },
    );
    if (moved && !result.alreadyWritten) {
      await auditPromotion(this.#deps, moved, {
        actor: 'stageline:engine',
        action: 'promotion.write',
        result: 'succeeded',
        message: `${result.mode} for ${formatImageReference(
          promotion.version,
        )}`,
        link:
          result.links.pullRequest?.url ??
          result.links.commit?.url ??
          result.links.workflowRun?.url,
      });
    }
    return moved;
  }

  /** Every gate, re-checked just before the write; a version that moved on is refused. */
  #blockingReasons(
    promotion: Promotion,
    state: ChainState,
    verifiedVersions?: ImageReference[],
  ): string[] {
    const { response } = state;
    const target = response.environments.find(e => e.name === promotion.target);
    if (!target) return [`${promotion.target} is no longer in the chain`];
    const policy = findEnvironment(
      this.#deps.config,
      response.chain,
      target.name,
    );
    if (promotion.kind === 'rollback') {
      // Break-glass bypasses the freeze, the only gate a rollback can have.
      if (promotion.breakGlass) return [];
      return rollbackBlockingReasons({
        now: this.#deps.now(),
        target,
        gates: policy.gates,
      });
    }
    if (!promotion.source) {
      const own = evaluateGates({
        now: this.#deps.now(),
        source: target,
        target,
        gates: { ...policy.gates, healthyForMs: 0, soakTimeMs: 0 },
        candidate: promotion.version,
        approvals: promotion.approvals,
        requestedBy: promotion.requestedBy,
      });
      return gatesThatApply(own, Boolean(promotion.breakGlass))
        .filter(g => !g.passed && ['approvals', 'freeze-window'].includes(g.id))
        .map(g => g.reason);
    }
    const source = response.environments.find(e => e.name === promotion.source);
    if (!source) return [`${promotion.source} is no longer in the chain`];
    const { version, reason } = candidateVersion(source);
    if (!version) return [reason];
    if (!sameVersion(version, promotion.version)) {
      return [
        `${source.name} now runs ${shortVersion(version)}, not ${shortVersion(
          promotion.version,
        )}`,
      ];
    }
    const results = evaluateGates({
      now: this.#deps.now(),
      source,
      target,
      gates: policy.gates,
      candidate: version,
      approvals: promotion.approvals,
      requestedBy: promotion.requestedBy,
      verifiedVersions,
    });
    return gatesThatApply(results, Boolean(promotion.breakGlass))
      .filter(g => !g.passed)
      .map(g => g.reason);
  }

  /** Versions verified in the source, when the target requires it; not for rollbacks. */
  async #verifiedVersions(promotion: Promotion, state: ChainState) {
    // A target no longer in the chain is refused by the caller, with its reason.
    const gates = this.#deps.config.chains
      .get(state.response.chain)
      ?.find(env => env.definition.name === promotion.target)?.gates;
    if (!gates?.verifiedInSource || !promotion.source) return undefined;
    return verifiedVersionsIn(
      this.#deps,
      promotion.entityRef,
      promotion.source,
    );
  }

  async #write(
    promotion: Promotion,
    state: ChainState,
  ): Promise<OverlayWriteResult> {
    const { ctx, gitopsLocation, response } = state;
    if (!gitopsLocation) {
      throw new ConflictError(`${ctx.entityRef} has no GitOps repository`);
    }
    const target = response.environments.find(
      e => e.name === promotion.target,
    )!;
    const policy = findEnvironment(this.#deps.config, ctx.chain, target.name);
    const commits = await this.#commitsBetween(state, target, promotion);
    const messages = promotionMessages({
      promotion,
      service: ctx.service,
      commits,
    });
    const writer = this.#deps.writers.resolve(gitopsLocation);
    return withAuditorEvent(
      this.#deps.auditor,
      {
        eventId: 'promotion-write',
        meta: {
          promotionId: promotion.id,
          entityRef: promotion.entityRef,
          target: promotion.target,
          version: formatImageReference(promotion.version),
          mode: policy.execution.mode,
        },
      },
      () =>
        writer.write({
          promotionId: promotion.id,
          service: ctx.service,
          environment: target.name,
          path: `${ctx.overlaysPath}/${target.overlay}/kustomization.yaml`,
          imageName: ctx.imageName ?? promotion.version.name,
          image: promotion.version,
          mode: policy.execution.mode,
          autoMerge: promotion.autoMerge === true,
          workflow: policy.execution.workflow,
          branch: promotionBranch(ctx.service, target.name),
          ...messages,
          onConflict: async () => {
            const again = await readForEngine(this.#deps, promotion);
            const reasons = this.#blockingReasons(
              promotion,
              again,
              await this.#verifiedVersions(promotion, again),
            );
            if (reasons.length > 0) {
              throw new ConflictError(
                `The overlay changed and the promotion no longer passes: ${reasons.join(
                  '; ',
                )}`,
              );
            }
          },
        }),
      result => ({ alreadyWritten: result.alreadyWritten }),
    );
  }

  /** Commits the promotion carries, for the pull request body; best effort. */
  async #commitsBetween(
    state: ChainState,
    target: EnvironmentState,
    promotion: Promotion,
  ) {
    const repo = state.sourceRepository;
    const from = target.desired?.image?.tag;
    const to = promotion.version.tag;
    if (!repo || !from || !to || from === to) return [];
    try {
      return (await repo.compare(from, to)).commits.slice(0, 50);
    } catch {
      return [];
    }
  }

  async #writeFailed(promotion: Promotion, error: unknown) {
    const message = errorMessage(error);
    const passing = isError(error) && error.name === 'ServiceUnavailableError';
    const age = this.#deps.now().getTime() - Date.parse(promotion.updatedAt);
    if (passing && age < EXECUTE_TIMEOUT_MS) {
      await this.#deps.store.patch(promotion.id, {
        stateReason: `Will retry: ${message}`,
      });
      return promotion;
    }
    return finishPromotion(this.#deps, promotion, ['executing'], 'failed', {
      stateReason: `Write failed: ${message}`,
    });
  }
}
