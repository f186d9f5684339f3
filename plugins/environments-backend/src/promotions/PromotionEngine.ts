import { ConflictError, isError } from '@backstage/errors';
import type {
  EnvironmentState,
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import {
  formatImageReference,
  promotionBranch,
  sameVersion,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { errorMessage } from '../errors/errorMessage';
import type { ChainState } from '../readmodel/ChainState';
import { candidateVersion } from './gates/candidateVersion';
import { evaluateGates } from './gates/evaluateGates';
import { isFinalState } from './isFinalState';
import { findEnvironment } from '../config/findEnvironment';
import type { PromotionDeps } from './PromotionDeps';
import { promotionMessages } from './promotionMessages';
import { runsVersion } from './runsVersion';
import type {
  OverlayWriter,
  OverlayWriteResult,
  PromotionPatch,
} from './types';
import { withAuditorEvent } from './withAuditorEvent';

/** How long one instance may hold a promotion while it advances it. */
const LEASE_MS = 2 * 60_000;
/** A pull request left unmerged this long fails the promotion. */
const MERGE_TIMEOUT_MS = 7 * 24 * 3600_000;
/** A write that keeps failing for a passing reason (GitHub rate limit, host down) gives up after this. */
const EXECUTE_TIMEOUT_MS = 30 * 60_000;

/**
 * Moves promotions through their states from the database: writes Git once (a repeated attempt
 * finds the earlier write by its trailer), waits for merge, waits for the target to run the
 * version healthy. Safe to run on several backend instances: each step holds a lease and every
 * transition is a compare-and-set.
 */
export class PromotionEngine {
  readonly #deps: PromotionDeps;
  readonly #running = new Set<Promise<void>>();

  constructor(deps: PromotionDeps) {
    this.#deps = deps;
  }

  /** Advances a promotion in the background, right away rather than at the next tick. */
  advanceSoon(id: string): void {
    const run = this.advance(id)
      .then(() => undefined)
      .catch(error =>
        this.#deps.logger.error(
          `Promotion ${id} could not advance: ${errorMessage(error)}`,
        ),
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
    for (const promotion of await this.#deps.store.listInFlight()) {
      try {
        await this.advance(promotion.id);
      } catch (error) {
        this.#deps.logger.error(
          `Promotion ${promotion.id} could not advance: ${errorMessage(error)}`,
        );
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
      return await this.#step(promotion);
    } finally {
      await store.release(id, instanceId);
    }
  }

  /** Moves to a final state (once: compare-and-set), audits and notifies. */
  async finish(
    promotion: Promotion,
    from: PromotionState[],
    to: PromotionState,
    detail: {
      stateReason: string;
      actor?: string;
      link?: string;
      /** Recorded in the same transition, e.g. who cancelled it. */
      patch?: Omit<PromotionPatch, 'stateReason'>;
    },
  ): Promise<Promotion> {
    const done = await this.#deps.store.transition(promotion.id, from, to, {
      ...detail.patch,
      stateReason: detail.stateReason,
    });
    if (!done) return (await this.#deps.store.get(promotion.id)) ?? promotion;
    await this.#audit(done, {
      actor: detail.actor ?? 'stageline:engine',
      action: `promotion.${to}`,
      result: to === 'succeeded' ? 'succeeded' : 'failed',
      message: detail.stateReason,
      link: detail.link,
    });
    await this.#deps.notifier.finished(done);
    return done;
  }

  async #step(promotion: Promotion): Promise<Promotion | undefined> {
    switch (promotion.state) {
      case 'requested':
        return this.#deps.store.transition(
          promotion.id,
          ['requested'],
          promotion.approvalsRequired > 0 ? 'awaiting-approval' : 'executing',
        );
      case 'awaiting-approval':
        return this.#followSource(promotion);
      case 'executing':
        return this.#execute(promotion);
      case 'waiting-for-merge':
        return this.#waitForMerge(promotion);
      case 'rolling-out':
        return this.#waitForRollout(promotion);
      default:
        return promotion;
    }
  }

  async #read(promotion: Promotion): Promise<ChainState> {
    return this.#deps.environments.readChain(promotion.entityRef, {
      credentials: await this.#deps.serviceCredentials(),
    });
  }

  /** While approvals are gathered the source may move on: follow it, voiding earlier approvals. */
  async #followSource(promotion: Promotion) {
    if (promotion.kind !== 'promotion' || !promotion.source) return promotion;
    const { response } = await this.#read(promotion);
    const source = response.environments.find(e => e.name === promotion.source);
    const { version } = source
      ? candidateVersion(source)
      : { version: undefined };
    if (!version || sameVersion(version, promotion.version)) return promotion;
    const moved = await this.#deps.store.updateVersion(promotion.id, version);
    if (!moved) return promotion;
    await this.#audit(moved, {
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

  async #execute(promotion: Promotion) {
    const state = await this.#read(promotion);
    const blocked = this.#blockingReasons(promotion, state);
    if (blocked.length > 0) {
      return this.finish(promotion, ['executing'], 'failed', {
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
      await this.#audit(moved, {
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
  #blockingReasons(promotion: Promotion, state: ChainState): string[] {
    const { response } = state;
    const target = response.environments.find(e => e.name === promotion.target);
    if (!target) return [`${promotion.target} is no longer in the chain`];
    const policy = findEnvironment(
      this.#deps.config,
      response.chain,
      target.name,
    );
    if (promotion.kind === 'rollback' || !promotion.source) {
      return evaluateGates({
        now: this.#deps.now(),
        source: target,
        target,
        gates: { ...policy.gates, healthyForMs: 0, soakTimeMs: 0 },
        candidate: promotion.version,
        approvals: promotion.approvals,
        requestedBy: promotion.requestedBy,
      })
        .filter(g => !g.passed && ['approvals', 'freeze-window'].includes(g.id))
        .map(g =>
          promotion.kind === 'rollback'
            ? `${g.reason} (a rollback waits for the same approvals and freeze windows as a promotion: there is no emergency bypass yet)`
            : g.reason,
        );
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
    return evaluateGates({
      now: this.#deps.now(),
      source,
      target,
      gates: policy.gates,
      candidate: version,
      approvals: promotion.approvals,
      requestedBy: promotion.requestedBy,
    })
      .filter(g => !g.passed)
      .map(g => g.reason);
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
            const reasons = this.#blockingReasons(
              promotion,
              await this.#read(promotion),
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
    return this.finish(promotion, ['executing'], 'failed', {
      stateReason: `Write failed: ${message}`,
    });
  }

  async #waitForMerge(promotion: Promotion) {
    const state = await this.#read(promotion);
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
      return this.finish(promotion, ['waiting-for-merge'], 'failed', {
        stateReason: 'The pull request was closed without merging',
        link: promotion.links.pullRequest?.url,
      });
    }
    if (status.state === 'failed') {
      return this.finish(promotion, ['waiting-for-merge'], 'failed', {
        stateReason: status.reason,
      });
    }
    if (this.#olderThan(promotion, MERGE_TIMEOUT_MS)) {
      return this.finish(promotion, ['waiting-for-merge'], 'failed', {
        stateReason: 'The pull request was not merged within 7 days',
      });
    }
    return promotion;
  }

  async #waitForRollout(promotion: Promotion) {
    const state = await this.#read(promotion);
    const target = state.response.environments.find(
      e => e.name === promotion.target,
    );
    if (target && runsVersion(target, promotion.version)) {
      return this.finish(promotion, ['rolling-out'], 'succeeded', {
        stateReason: `${promotion.target} runs ${shortVersion(
          promotion.version,
        )}, healthy`,
      });
    }
    if (promotion.mode === 'workflow-dispatch') {
      const status = await this.#writer(state).status({
        promotionId: promotion.id,
        mode: promotion.mode,
        links: promotion.links,
        autoMerge: promotion.autoMerge,
      });
      if (status.state === 'failed' || status.state === 'closed') {
        return this.finish(promotion, ['rolling-out'], 'failed', {
          stateReason:
            status.state === 'failed'
              ? status.reason
              : 'The workflow run was cancelled',
          link: promotion.links.workflowRun?.url,
        });
      }
    }
    const policy = findEnvironment(
      this.#deps.config,
      state.response.chain,
      promotion.target,
    );
    if (this.#olderThan(promotion, policy.execution.rolloutTimeoutMs)) {
      return this.finish(promotion, ['rolling-out'], 'failed', {
        stateReason: `${promotion.target} did not run ${shortVersion(
          promotion.version,
        )} healthy in time: ${target?.sync.reason ?? 'environment missing'}`,
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

  #olderThan(promotion: Promotion, ms: number): boolean {
    return this.#deps.now().getTime() - Date.parse(promotion.updatedAt) > ms;
  }

  async #audit(
    promotion: Promotion,
    entry: {
      actor: string;
      action: string;
      result: 'succeeded' | 'failed' | 'refused';
      message?: string;
      link?: string;
    },
  ) {
    await this.#deps.store.appendAudit({
      ...entry,
      at: this.#deps.now().toISOString(),
      entityRef: promotion.entityRef,
      promotionId: promotion.id,
      environment: promotion.target,
    });
  }
}
