import { InputError } from '@backstage/errors';
import type { PreviewEnvironment } from '@stageline/plugin-environments-common';
import type { EntityContext } from '../catalog/EntityContext';
import type { ClusterStateReader } from '../kubernetes/types';
import { auditPreview } from './auditPreview';
import { describePreview } from './describePreview';
import type { PreviewDeps } from './PreviewDeps';
import { previewExpiry } from './previewExpiry';
import { readPullRequest } from './readPullRequest';
import type {
  PreviewCaller,
  PreviewCandidate,
  PreviewLifecycleConfig,
  PreviewOverride,
  PullRequestResolver,
} from './types';

const MAX_EXTENSION_MS = 30 * 24 * 3600_000;

/** Where the preview is, once the caller may act on every service whose workloads it holds. */
type LocateForCaller = (
  ctx: EntityContext,
  namespace: string,
  caller: PreviewCaller,
  action: string,
) => Promise<PreviewCandidate[]>;

/**
 * A person's keep and extend of a preview: both change its stored override (the keep pin, the
 * expiry), audit the change and answer the preview as it is now.
 */
export class PreviewOverrideChanges {
  readonly #clusters: ClusterStateReader;
  readonly #deps: PreviewDeps & { getPullRequest: PullRequestResolver };
  readonly #config: Pick<PreviewLifecycleConfig, 'ttlMs'>;
  readonly #locate: LocateForCaller;

  constructor(options: {
    clusters: ClusterStateReader;
    deps: PreviewDeps & { getPullRequest: PullRequestResolver };
    config: Pick<PreviewLifecycleConfig, 'ttlMs'>;
    locate: LocateForCaller;
  }) {
    this.#clusters = options.clusters;
    this.#deps = options.deps;
    this.#config = options.config;
    this.#locate = options.locate;
  }

  /** Pins (or unpins) a preview: the reaper leaves a pinned preview alone. */
  async keep(
    ctx: EntityContext,
    namespace: string,
    keep: boolean,
    caller: PreviewCaller,
  ): Promise<PreviewEnvironment> {
    if (typeof keep !== 'boolean') {
      throw new InputError(`'keep' must be true or false`);
    }
    return this.#setOverride(ctx, namespace, caller, {
      action: 'preview.keep',
      change: async (_candidate, existing) => ({
        keep,
        ...(existing?.expiresAt && { expiresAt: existing.expiresAt }),
      }),
      message: candidate =>
        `${keep ? 'pinned' : 'unpinned'} namespace '${namespace}' on cluster '${
          candidate.cluster
        }'`,
    });
  }

  /** Moves a preview's expiry `byMs` later than its current expiry (or now, when past). */
  async extend(
    ctx: EntityContext,
    namespace: string,
    byMs: number,
    caller: PreviewCaller,
  ): Promise<PreviewEnvironment> {
    if (!Number.isSafeInteger(byMs) || byMs <= 0 || byMs > MAX_EXTENSION_MS) {
      throw new InputError(
        `A preview is extended by a positive number of milliseconds, at most ${MAX_EXTENSION_MS} (30 days); got ${byMs}`,
      );
    }
    return this.#setOverride(ctx, namespace, caller, {
      action: 'preview.extend',
      change: async (candidate, existing) => ({
        keep: existing?.keep ?? false,
        expiresAt: await this.#extendedExpiry(ctx, candidate, existing, byMs),
      }),
      message: (candidate, changed) =>
        `namespace '${namespace}' on cluster '${candidate.cluster}' now expires at ${changed.expiresAt}`,
    });
  }

  /**
   * Keep and extend: finds the preview (refused unless the caller may act on every service it
   * holds), then for each cluster it is on stores the changed override, audits it and describes
   * the preview as it is now.
   */
  async #setOverride(
    ctx: EntityContext,
    namespace: string,
    caller: PreviewCaller,
    write: {
      action: 'preview.keep' | 'preview.extend';
      change: (
        candidate: PreviewCandidate,
        existing: PreviewOverride | undefined,
      ) => Promise<{ keep: boolean; expiresAt?: string }>;
      message: (
        candidate: PreviewCandidate,
        changed: { keep: boolean; expiresAt?: string },
      ) => string;
    },
  ): Promise<PreviewEnvironment> {
    const { actor } = caller;
    const found = await this.#locate(ctx, namespace, caller, write.action);
    const previews: PreviewEnvironment[] = [];
    for (const candidate of found) {
      const existing = await this.#overrideOf(candidate);
      const changed = await write.change(candidate, existing);
      const override = await this.#deps.overrides.setPreviewOverride({
        cluster: candidate.cluster,
        namespace,
        ...changed,
        updatedBy: actor,
      });
      await this.#audit(ctx, actor, write.action, {
        namespace,
        message: write.message(candidate, changed),
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
}
