import type { ClusterStateReader } from '../kubernetes/types';
import type { PreviewOverride } from './types';
import { errorMessage } from '../errors/errorMessage';
import type { EntityContext } from '../catalog/EntityContext';
import { findCoHolders } from './findCoHolders';
import { gatherPreviews } from './gatherPreviews';
import type { PreviewDeps } from './PreviewDeps';
import { reapPreview } from './reapPreview';
import { outcomeSubject, sharedOutcomes } from './sharedOutcomes';
import type {
  PreviewCandidate,
  PreviewLifecycleConfig,
  PullRequestResolver,
  ReapOutcome,
  ReapReport,
} from './types';

const DEFAULT_MAX_DELETIONS_PER_RUN = 20;

/**
 * One run of the reaper over every service's previews. A namespace that holds the workloads of
 * several services is left alone: whether they were gathered together, or another service's
 * selector finds its workloads there although its chain or preview pattern does not match.
 */
export class PreviewReaper {
  readonly #clusters: ClusterStateReader;
  readonly #deps: PreviewDeps & { getPullRequest: PullRequestResolver };
  readonly #listServices: () => Promise<EntityContext[]>;
  readonly #config: PreviewLifecycleConfig;

  constructor(options: {
    clusters: ClusterStateReader;
    deps: PreviewDeps & { getPullRequest: PullRequestResolver };
    listServices: () => Promise<EntityContext[]>;
    config: PreviewLifecycleConfig;
  }) {
    this.#clusters = options.clusters;
    this.#deps = options.deps;
    this.#listServices = options.listServices;
    this.#config = options.config;
  }

  async run(): Promise<ReapReport> {
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
      const shared = await this.#sharedOutcome(services, ctx, candidate);
      report.outcomes.push(
        shared ??
          (await this.#reapOne(ctx, candidate, overrides, takeDeletion)),
      );
    }
    this.#logSummary(report);
    return report;
  }

  /** Skipped when other services' workloads are there too, or when that cannot be told. */
  async #sharedOutcome(
    services: EntityContext[],
    ctx: EntityContext,
    candidate: PreviewCandidate,
  ): Promise<ReapOutcome | undefined> {
    try {
      const others = await findCoHolders({
        reader: this.#clusters,
        services,
        ctx,
        found: [candidate],
      });
      if (others.length === 0) return undefined;
      const holders = [ctx, ...others].map(holder => ({
        ctx: holder,
        candidate,
      }));
      return sharedOutcomes(holders)[0];
    } catch (error) {
      return {
        ...outcomeSubject(ctx, candidate),
        action: 'skipped',
        reason: errorMessage(error),
      };
    }
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
        ...outcomeSubject(ctx, candidate),
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

  #logSummary(report: ReapReport): void {
    const count = (action: ReapOutcome['action']) =>
      report.outcomes.filter(o => o.action === action).length;
    this.#deps.logger.info('Preview reaper run finished', {
      dryRun: report.dryRun,
      deleted: count('deleted'),
      wouldDelete: count('would-delete'),
      kept: count('kept'),
      skipped: count('skipped'),
      refused: count('refused'),
      failed: count('failed'),
      errors: report.errors.length,
    });
  }
}
