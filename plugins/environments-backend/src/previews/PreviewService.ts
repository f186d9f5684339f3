import { ConflictError, InputError } from '@backstage/errors';
import type { PreviewEnvironment } from '@stageline/plugin-environments-common';
import type { ClusterStateReader } from '../kubernetes/types';
import type { PreviewOverride } from '../promotions/types';
import { errorMessage } from '../readmodel/errorMessage';
import type { EntityContext } from '../readmodel/EntityContext';
import { asTypedError } from './asTypedError';
import { auditPreview } from './auditPreview';
import { describePreview } from './describePreview';
import { gatherPreviews } from './gatherPreviews';
import { locatePreview } from './locatePreview';
import type { PreviewDeps } from './PreviewDeps';
import { previewExpiry } from './previewExpiry';
import { readPullRequest } from './readPullRequest';
import { reapPreview } from './reapPreview';
import { removePreview } from './removePreview';
import { sharedOutcomes } from './sharedOutcomes';
import type {
  PreviewCandidate,
  PreviewLifecycleConfig,
  PreviewServiceOptions,
  PullRequestResolver,
  ReapOutcome,
  ReapReport,
} from './types';

const DEFAULT_MAX_DELETIONS_PER_RUN = 20;
const MAX_EXTENSION_MS = 30 * 24 * 3600_000;

/**
 * The preview lifecycle: the reaper, and a person's delete, keep and extend. Acts only on
 * namespaces that match the preview pattern AND hold the service's workloads, on the clusters
 * of the service's chain; deletes with the namespace UID as precondition; audits every delete.
 * Permissions are the caller's to check, before calling.
 */
export class PreviewService {
  readonly #clusters: ClusterStateReader;
  readonly #deps: PreviewDeps & { getPullRequest: PullRequestResolver };
  readonly #listServices: () => Promise<EntityContext[]>;
  readonly #config: PreviewLifecycleConfig;

  constructor(options: PreviewServiceOptions) {
    this.#clusters = options.clusters;
    this.#listServices = options.listServices;
    this.#config = options.config;
    this.#deps = {
      deleter: options.deleter,
      overrides: options.overrides,
      audit: options.audit,
      logger: options.logger,
      clock: options.clock ?? { now: () => new Date() },
      getPullRequest: options.getPullRequest,
    };
  }

  /** One run of the reaper over every service's previews. */
  async reap(): Promise<ReapReport> {
    const report: ReapReport = {
      dryRun: this.#config.reaper.dryRun,
      outcomes: [],
      errors: [],
    };
    let services: EntityContext[];
    try {
      services = await this.#listServices();
    } catch (error) {
      report.errors.push({
        message: `could not list services: ${errorMessage(error)}`,
      });
      return report;
    }
    const gathered = await gatherPreviews({
      services,
      clusters: this.#clusters,
      config: this.#config,
    });
    report.errors.push(...gathered.errors);
    const overrides = new Map<string, Promise<PreviewOverride[]>>();
    let left =
      this.#config.reaper.maxDeletionsPerRun ?? DEFAULT_MAX_DELETIONS_PER_RUN;
    const takeDeletion = () => left-- > 0;
    for (const { holders } of gathered.previews.values()) {
      if (holders.length > 1) {
        report.outcomes.push(...sharedOutcomes(holders));
        continue;
      }
      const { ctx, candidate } = holders[0];
      report.outcomes.push(
        await this.#reapOne(ctx, candidate, overrides, takeDeletion),
      );
    }
    this.#logSummary(report);
    return report;
  }

  /** Deletes a preview of the service now (on each of its clusters that holds it). */
  async deletePreview(
    ctx: EntityContext,
    namespace: string,
    actor: string,
  ): Promise<void> {
    const found = await locatePreview(
      this.#clusters,
      this.#config,
      ctx,
      namespace,
    );
    for (const candidate of found) {
      if (!candidate.namespace.uid) {
        throw new ConflictError(
          `Namespace '${namespace}' on cluster '${candidate.cluster}' has no UID to delete it safely with`,
        );
      }
      const result = await removePreview(this.#deps, {
        ctx,
        candidate,
        actor,
        why: `requested by ${actor}`,
      });
      if (result.action === 'failed') {
        throw asTypedError(result.error, result.reason);
      }
      if (result.outcome === 'recreated')
        throw new ConflictError(result.reason);
    }
  }

  /** Pins (or unpins) a preview: the reaper leaves a pinned preview alone. */
  async keepPreview(
    ctx: EntityContext,
    namespace: string,
    keep: boolean,
    actor: string,
  ): Promise<PreviewEnvironment> {
    if (typeof keep !== 'boolean') {
      throw new InputError(`'keep' must be true or false`);
    }
    const found = await locatePreview(
      this.#clusters,
      this.#config,
      ctx,
      namespace,
    );
    const previews: PreviewEnvironment[] = [];
    for (const candidate of found) {
      const existing = await this.#overrideOf(candidate);
      const override = await this.#deps.overrides.setPreviewOverride({
        cluster: candidate.cluster,
        namespace,
        keep,
        ...(existing?.expiresAt && { expiresAt: existing.expiresAt }),
        updatedBy: actor,
      });
      await this.#audit(ctx, actor, 'preview.keep', {
        namespace,
        message: `${
          keep ? 'pinned' : 'unpinned'
        } namespace '${namespace}' on cluster '${candidate.cluster}'`,
      });
      previews.push(
        await describePreview(
          this.#clusters,
          this.#deps.getPullRequest,
          this.#config.ttlMs,
          { ctx, candidate, override },
        ),
      );
    }
    return previews[0];
  }

  /** Moves a preview's expiry `byMs` later than its current expiry (or now, when past). */
  async extendPreview(
    ctx: EntityContext,
    namespace: string,
    byMs: number,
    actor: string,
  ): Promise<PreviewEnvironment> {
    if (!Number.isSafeInteger(byMs) || byMs <= 0 || byMs > MAX_EXTENSION_MS) {
      throw new InputError(
        `A preview is extended by a positive number of milliseconds, at most ${MAX_EXTENSION_MS} (30 days); got ${byMs}`,
      );
    }
    const found = await locatePreview(
      this.#clusters,
      this.#config,
      ctx,
      namespace,
    );
    const previews: PreviewEnvironment[] = [];
    for (const candidate of found) {
      const existing = await this.#overrideOf(candidate);
      const expiresAt = await this.#extendedExpiry(
        ctx,
        candidate,
        existing,
        byMs,
      );
      const override = await this.#deps.overrides.setPreviewOverride({
        cluster: candidate.cluster,
        namespace,
        keep: existing?.keep ?? false,
        expiresAt,
        updatedBy: actor,
      });
      await this.#audit(ctx, actor, 'preview.extend', {
        namespace,
        message: `namespace '${namespace}' on cluster '${candidate.cluster}' now expires at ${expiresAt}`,
      });
      previews.push(
        await describePreview(
          this.#clusters,
          this.#deps.getPullRequest,
          this.#config.ttlMs,
          { ctx, candidate, override },
        ),
      );
    }
    return previews[0];
  }

  async #reapOne(
    ctx: EntityContext,
    candidate: PreviewCandidate,
    overrides: Map<string, Promise<PreviewOverride[]>>,
    takeDeletion: () => boolean,
  ): Promise<ReapOutcome> {
    let override: PreviewOverride | undefined;
    try {
      if (!overrides.has(candidate.cluster)) {
        overrides.set(
          candidate.cluster,
          this.#deps.overrides.listPreviewOverrides(candidate.cluster),
        );
      }
      override = (await overrides.get(candidate.cluster))!.find(
        o => o.namespace === candidate.namespace.name,
      );
    } catch (error) {
      // Without the overrides a keep pin could be missed: delete nothing.
      return {
        entityRef: ctx.entityRef,
        cluster: candidate.cluster,
        namespace: candidate.namespace.name,
        action: 'skipped',
        reason: `its keep and extend overrides could not be read: ${errorMessage(
          error,
        )}`,
      };
    }
    return reapPreview(this.#deps, {
      ctx,
      candidate,
      override,
      config: this.#config,
      takeDeletion,
    });
  }

  async #overrideOf(
    candidate: PreviewCandidate,
  ): Promise<PreviewOverride | undefined> {
    const all = await this.#deps.overrides.listPreviewOverrides(
      candidate.cluster,
    );
    return all.find(o => o.namespace === candidate.namespace.name);
  }

  async #extendedExpiry(
    ctx: EntityContext,
    candidate: PreviewCandidate,
    existing: PreviewOverride | undefined,
    byMs: number,
  ): Promise<string> {
    const { pullRequest } = await readPullRequest(
      this.#deps.getPullRequest,
      ctx,
      candidate.number,
    );
    const current = previewExpiry({
      createdAt: candidate.namespace.createdAt,
      pullRequestUpdatedAt: pullRequest?.updatedAt,
      ttlMs: this.#config.ttlMs,
      extendedTo: existing?.expiresAt,
    });
    const now = this.#deps.clock.now().getTime();
    const from = Math.max(current?.getTime() ?? now, now);
    return new Date(from + byMs).toISOString();
  }

  #audit(
    ctx: EntityContext,
    actor: string,
    action: string,
    detail: { namespace: string; message: string },
  ): Promise<void> {
    return auditPreview(this.#deps, {
      actor,
      action,
      result: 'succeeded',
      message: detail.message,
      entityRef: ctx.entityRef,
      environment: detail.namespace,
    });
  }

  #logSummary(report: ReapReport): void {
    const count = (action: ReapOutcome['action']) =>
      report.outcomes.filter(o => o.action === action).length;
    this.#deps.logger.info(
      `Stageline preview reaper${report.dryRun ? ' (dry run)' : ''}: ${count(
        'deleted',
      )} deleted, ${count('would-delete')} would be deleted, ${count(
        'kept',
      )} kept, ${count('skipped')} skipped, ${count(
        'refused',
      )} refused, ${count('failed')} failed, ${report.errors.length} errors`,
    );
  }
}
