import { promotionBranchPrefix } from '@stageline/plugin-environments-common';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  EnvironmentDefinition,
  EnvironmentsResponse,
  InFlightChange,
  PreviewsResponse,
  VersionDiffResponse,
} from '@stageline/plugin-environments-common';
import { findChain } from '../config/findEnvironment';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import type {
  AllowedRepository,
  GitRepository,
  GitRepositoryResolver,
  PullRequestSummary,
  RepositorySnapshot,
} from '../gitops/types';
import type { ClusterStateReader } from '../kubernetes/types';
import type {
  ConfirmedOwner,
  OwnershipGuard,
} from '../ownership/OwnershipGuard';
import { overlayFolderKey } from '../ownership/repositoryKey';
import type { PreviewOverrideStore } from '../previews/types';
import { errorMessage } from '../errors/errorMessage';
import type { EntityContext } from '../catalog/EntityContext';
import { readEnvironmentState } from './readEnvironmentState';
import { readPreviews } from '../previews/readPreviews';
import { readVersionDiff } from './readVersionDiff';
import { chainForService, forService } from '../catalog/forService';
import { resolveEntityContext } from '../catalog/resolveEntityContext';
import { sameBits } from './sameBits';
import type { ChainState } from './ChainState';

/**
 * The read model: for a catalog service, what should run (Git), what does run (cluster) and what
 * is moving, in every environment of its chain. Reads memory-backed caches only.
 */
export class EnvironmentsService {
  readonly #catalog: typeof catalogServiceRef.T;
  readonly #config: EnvironmentsConfig;
  readonly #clusters: ClusterStateReader;
  readonly #repositories: GitRepositoryResolver;
  readonly #logger: LoggerService;
  readonly #overrides?: PreviewOverrideStore;
  readonly #guard: OwnershipGuard;

  static create(options: {
    catalog: typeof catalogServiceRef.T;
    config: EnvironmentsConfig;
    clusters: ClusterStateReader;
    repositories: GitRepositoryResolver;
    logger: LoggerService;
    /** What each entity owns: its overlays folder, source repository and workload selector. */
    guard: OwnershipGuard;
    /** Keep pins and TTL extensions of previews. */
    overrides?: PreviewOverrideStore;
  }) {
    return new EnvironmentsService(options);
  }

  private constructor(options: {
    catalog: typeof catalogServiceRef.T;
    config: EnvironmentsConfig;
    clusters: ClusterStateReader;
    repositories: GitRepositoryResolver;
    logger: LoggerService;
    guard: OwnershipGuard;
    overrides?: PreviewOverrideStore;
  }) {
    this.#guard = options.guard;
    this.#catalog = options.catalog;
    this.#config = options.config;
    this.#clusters = options.clusters;
    this.#repositories = options.repositories;
    this.#logger = options.logger;
    this.#overrides = options.overrides;
  }

  async getEnvironments(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EnvironmentsResponse> {
    return (await this.readChain(ref, options)).response;
  }

  /**
   * The environments of a service with what the promotion engine needs besides: the entity's
   * context and where its GitOps repository is. Throws NotAllowedError when the overlays folder
   * belongs to another entity, ConflictError when another owner claims the same workloads.
   * The cluster is read only once ownership is confirmed.
   */
  async readChain(
    ref: CompoundEntityRef | string,
    options: { credentials: BackstageCredentials },
  ): Promise<ChainState> {
    const ctx = await this.#context(ref, options);
    const configured = this.#chainDefinitions(ctx);
    const chain = this.#chain(ctx);
    const { repo, location, repoError } = this.#gitopsRepository(ctx);
    const git = await this.#readGit(ctx, repo);
    const owner =
      git.snapshot && location
        ? await this.#guard.confirm(ctx, location, git.snapshot)
        : undefined;
    if (owner) await this.#guard.assertSoleClaim(ctx);
    const gitError = repoError ?? git.error;
    const environments = await Promise.all(
      chain.map((env, index) =>
        readEnvironmentState({
          ctx,
          env,
          snapshot: git.snapshot,
          repoError: gitError,
          changes: git.changes,
          changesError: git.changesError,
          clusters: this.#clusters,
          links: configured[index].links,
          liveWithheld: owner
            ? undefined
            : `Not read: the cluster is shown once Git confirms that ${ctx.entityRef} owns its overlays`,
        }),
      ),
    );
    environments.forEach((env, index) => {
      if (index > 0) {
        env.sameBitsAsUpstream = sameBits(
          environments[index - 1].live,
          env.live,
        );
      }
    });
    const source = owner ? this.#sourceOf(ctx, owner) : {};
    return {
      ctx,
      gitopsLocation: owner?.gitops,
      sourceRepository: source.repo,
      response: {
        entityRef: ctx.entityRef,
        chain: ctx.chain,
        gitopsRepo: location?.name,
        environments,
        generatedAt: new Date().toISOString(),
      },
    };
  }

  /**
   * A pull request of the service's source repository, as its previews show it; undefined when
   * the service's ownership cannot be confirmed or its owner does not name that repository.
   */
  async getPullRequest(
    ctx: EntityContext,
    number: number,
  ): Promise<PullRequestSummary | undefined> {
    let repo: GitRepository | undefined;
    try {
      repo = this.#sourceOf(ctx, await this.#confirmedOwner(ctx)).repo;
    } catch {
      return undefined;
    }
    return repo?.getPullRequest(number);
  }

  /**
   * The overlay folder a promotion of `ctx` into `environment` writes, as the one-in-flight key;
   * throws NotAllowedError when `ctx` does not own its overlays.
   */
  async overlayFolder(
    ctx: EntityContext,
    environment: EnvironmentDefinition,
  ): Promise<string> {
    const owner = await this.#confirmedOwner(ctx);
    return overlayFolderKey(
      owner.gitops.location,
      `${ctx.overlaysPath}/${environment.overlay}`,
    );
  }

  async getPreviews(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PreviewsResponse> {
    const ctx = await this.#context(ref, options);
    const owner = await this.#confirmedOwner(ctx);
    await this.#guard.assertSoleClaim(ctx);
    const { repo: sourceRepo, error } = this.#sourceOf(ctx, owner);
    return readPreviews({
      ctx,
      clusters: this.#clusters,
      sourceRepo,
      sourceRepoError: error,
      namespacePattern: forService(
        this.#config.previews.namespacePattern,
        ctx.service,
      ),
      ttlMs: this.#config.previews.ttlMs,
      chain: this.#chain(ctx),
      overrides: this.#overrides,
    });
  }

  async getVersionDiff(
    ref: CompoundEntityRef,
    versions: { from: string; to: string },
    options: { credentials: BackstageCredentials },
  ): Promise<VersionDiffResponse> {
    const ctx = await this.#context(ref, options);
    if (!ctx.sourceRepo) {
      throw new NotFoundError(
        `Entity '${ctx.entityRef}' has no 'github.com/project-slug' annotation, so there is no source repository to compare versions in`,
      );
    }
    const owner = await this.#confirmedOwner(ctx);
    const repo = this.#guard.sourceRepository(ctx, owner)!;
    return readVersionDiff(repo, versions);
  }

  /** The entity's context from its annotations: a catalog read only, no Git or cluster call. */
  async readContext(
    ref: CompoundEntityRef | string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityContext> {
    return this.#context(ref, options);
  }

  /**
   * The entity's context once Git confirms it owns its overlays and no other owner claims its
   * workloads: what a write on its cluster objects (previews) must hold before acting.
   */
  async readOwnedContext(
    ref: CompoundEntityRef | string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityContext> {
    const ctx = await this.#context(ref, options);
    await this.#confirmedOwner(ctx);
    await this.#guard.assertSoleClaim(ctx);
    return ctx;
  }

  async #context(
    ref: CompoundEntityRef | string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityContext> {
    const entityRef = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
    // Read with the caller's credentials so catalog read rules apply too.
    const entity: Entity | undefined = await this.#catalog.getEntityByRef(
      entityRef,
      options,
    );
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    return resolveEntityContext(entity, {
      overlaysPath: this.#config.gitops.overlaysPath,
    });
  }

  #chain(ctx: EntityContext) {
    const chain = this.#chainDefinitions(ctx);
    return chainForService(
      chain.map(env => env.definition),
      ctx.service,
    );
  }

  #chainDefinitions(ctx: EntityContext) {
    return findChain(this.#config, ctx);
  }

  #gitopsRepository(ctx: EntityContext): {
    repo?: GitRepository;
    location?: AllowedRepository;
    repoError?: string;
  } {
    if (!ctx.gitopsRepo) {
      return {
        repoError:
          "No GitOps repository: annotate the entity with 'stageline.io/gitops-repo' or 'github.com/project-slug'",
      };
    }
    try {
      return {
        location: this.#repositories.locate(
          ctx.gitopsRepo,
          ctx.gitopsRepoAnnotation,
        ),
        repo: this.#repositories.resolve(
          ctx.gitopsRepo,
          ctx.gitopsRepoAnnotation,
        ),
      };
    } catch (error) {
      return { repoError: errorMessage(error) };
    }
  }

  /**
   * Confirms `ctx` owns its overlays, from the GitOps snapshot at hand. Throws NotAllowedError
   * (a repository config refuses, another owner), ServiceUnavailableError (Git unreadable).
   */
  async #confirmedOwner(ctx: EntityContext): Promise<ConfirmedOwner> {
    if (!ctx.gitopsRepo) {
      throw new NotFoundError(
        `${ctx.entityRef} has no GitOps repository, so the owner of its overlays is unknown`,
      );
    }
    const location = this.#repositories.locate(
      ctx.gitopsRepo,
      ctx.gitopsRepoAnnotation,
    );
    let snapshot: RepositorySnapshot;
    try {
      snapshot = await this.#repositories
        .resolve(ctx.gitopsRepo, ctx.gitopsRepoAnnotation)
        .snapshot();
    } catch (error) {
      throw new ServiceUnavailableError(
        `The owner of ${
          ctx.entityRef
        }'s overlays cannot be confirmed: ${errorMessage(error)}`,
      );
    }
    return this.#guard.confirm(ctx, location, snapshot);
  }

  #sourceOf(
    ctx: EntityContext,
    owner: ConfirmedOwner,
  ): { repo?: GitRepository; error?: string } {
    try {
      return { repo: this.#guard.sourceRepository(ctx, owner) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  }

  /** The snapshot and open changes of the GitOps repository, or why they are unknown. */
  async #readGit(
    ctx: EntityContext,
    repo: GitRepository | undefined,
  ): Promise<{
    snapshot?: RepositorySnapshot;
    error?: string;
    changes: InFlightChange[];
    changesError?: string;
  }> {
    if (!repo) return { changes: [] };
    let snapshot: RepositorySnapshot;
    try {
      snapshot = await repo.snapshot();
    } catch (error) {
      this.#logger.warn(
        `Could not read ${repo.displayName} for ${
          ctx.entityRef
        }: ${errorMessage(error)}`,
      );
      return { error: errorMessage(error), changes: [] };
    }
    try {
      return {
        snapshot,
        changes: await repo.listChanges(promotionBranchPrefix(ctx.service)),
      };
    } catch (error) {
      return { snapshot, changes: [], changesError: errorMessage(error) };
    }
  }
}
