import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  PreviewEnvironment,
  PreviewsResponse,
} from '@stageline/plugin-environments-common';
import { forService } from '../catalog/forService';
import type { ClusterStateReader } from '../kubernetes/types';
import type { Refusal } from '../audit/RefusalAudit';
import type { EntityContext } from '../catalog/EntityContext';
import { asTypedError } from './asTypedError';
import { locatePreview } from './locatePreview';
import { PreviewAccess } from './PreviewAccess';
import type { PreviewDeps } from './PreviewDeps';
import { PreviewOverrideChanges } from './PreviewOverrideChanges';
import { PreviewReaper } from './PreviewReaper';
import { readPreviews } from './readPreviews';
import { removePreview } from './removePreview';
import type {
  PreviewCaller,
  PreviewCandidate,
  PreviewLifecycleConfig,
  PreviewOwners,
  PreviewServiceOptions,
  PullRequestResolver,
  ReapReport,
} from './types';

/**
 * The preview lifecycle: the reaper, and a person's delete, keep and extend. Acts only on
 * namespaces that match the preview pattern AND hold the service's workloads, on the clusters
 * of the service's chain; deletes with the namespace UID as precondition; audits every delete.
 * Permissions on the service are the caller's to check, before calling; a namespace that also
 * holds other services' workloads needs them on each of those too, checked here before any
 * change (and the reaper leaves it alone).
 */
export class PreviewService {
  readonly #clusters: ClusterStateReader;
  readonly #deps: PreviewDeps & { getPullRequest: PullRequestResolver };
  readonly #config: PreviewLifecycleConfig;
  readonly #access: PreviewAccess;
  readonly #reaper: PreviewReaper;
  readonly #overrideChanges: PreviewOverrideChanges;
  readonly #owners?: PreviewOwners;

  constructor(options: PreviewServiceOptions) {
    this.#clusters = options.clusters;
    this.#config = options.config;
    this.#owners = options.owners;
    this.#deps = {
      deleter: options.deleter,
      overrides: options.overrides,
      audit: options.audit,
      logger: options.logger,
      clock: options.clock ?? { now: () => new Date() },
      getPullRequest: options.getPullRequest,
    };
    this.#access = new PreviewAccess({
      permissions: options.permissions,
      clusters: options.clusters,
      listServices: options.listServices,
      audit: options.audit,
      logger: options.logger,
      clock: this.#deps.clock,
    });
    this.#reaper = new PreviewReaper({
      clusters: options.clusters,
      deps: this.#deps,
      listServices: options.listServices,
      config: options.config,
    });
    this.#overrideChanges = new PreviewOverrideChanges({
      clusters: options.clusters,
      deps: this.#deps,
      config: options.config,
      locate: (ctx, namespace, caller, action) =>
        this.#locate(ctx, namespace, caller, action),
    });
  }

  /** Refused preview writes of callers without any environments permission, since start. */
  get outsiderRefusals(): number {
    return this.#access.outsiderRefusals;
  }

  /** Records a refused (403) keep, extend or delete, e.g. by the route's own checks. */
  recordRefusal(
    refusal: Refusal,
    error: unknown,
    credentials: BackstageCredentials,
  ): Promise<void> {
    return this.#access.recordRefusal(refusal, error, credentials);
  }

  /**
   * The service's preview namespaces on the clusters of its chain, with pull request, URLs,
   * expiry and keep pin; refused unless the entity owns its overlays. The caller checks
   * environments.read first.
   */
  async getPreviews(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PreviewsResponse> {
    if (!this.#owners) {
      throw new Error(
        'Previews cannot be listed: no read model to confirm ownership',
      );
    }
    const source = await this.#owners.readPreviewSource(ref, options);
    return readPreviews({
      ctx: source.ctx,
      clusters: this.#clusters,
      sourceRepo: source.sourceRepo,
      sourceRepoError: source.sourceRepoError,
      namespacePattern: forService(
        this.#config.namespacePattern,
        source.ctx.service,
      ),
      ttlMs: this.#config.ttlMs,
      chain: source.chain,
      overrides: this.#deps.overrides,
    });
  }

  /** One run of the reaper over every service's previews. */
  async reap(): Promise<ReapReport> {
    return this.#reaper.run();
  }

  /** Deletes a preview of the service now (on each of its clusters that holds it). */
  async deletePreview(
    ctx: EntityContext,
    namespace: string,
    caller: PreviewCaller,
  ): Promise<void> {
    const { actor } = caller;
    const found = await this.#locate(ctx, namespace, caller, 'preview.delete');
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
  keepPreview(
    ctx: EntityContext,
    namespace: string,
    keep: boolean,
    caller: PreviewCaller,
  ): Promise<PreviewEnvironment> {
    return this.#overrideChanges.keep(ctx, namespace, keep, caller);
  }

  /** Moves a preview's expiry `byMs` later than its current expiry (or now, when past). */
  extendPreview(
    ctx: EntityContext,
    namespace: string,
    byMs: number,
    caller: PreviewCaller,
  ): Promise<PreviewEnvironment> {
    return this.#overrideChanges.extend(ctx, namespace, byMs, caller);
  }

  /** Where the preview is, once the caller may act on every service whose workloads it holds. */
  async #locate(
    ctx: EntityContext,
    namespace: string,
    caller: PreviewCaller,
    action: string,
  ): Promise<PreviewCandidate[]> {
    const found = await locatePreview(
      this.#clusters,
      this.#config,
      ctx,
      namespace,
    );
    await this.#access.requireOnShared({ ctx, found, caller, action });
    return found;
  }
}
