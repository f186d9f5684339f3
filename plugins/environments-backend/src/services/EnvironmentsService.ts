import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  EnvironmentDefinition,
  EnvironmentsResponse,
  InFlightChange,
  PreviewsResponse,
  VersionDiffResponse,
} from '@stageline/plugin-environments-common';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import type {
  GitRepository,
  GitRepositoryResolver,
  RepositorySnapshot,
} from '../gitops/types';
import type { ClusterStateReader } from '../kubernetes/types';
import type { PreviewOverrideStore } from '../promotions/types';
import { errorMessage } from '../readmodel/errorMessage';
import type { EntityContext } from '../readmodel/EntityContext';
import { readEnvironmentState } from '../readmodel/readEnvironmentState';
import { readPreviews } from '../readmodel/readPreviews';
import { readVersionDiff } from '../readmodel/readVersionDiff';
import {
  PROJECT_SLUG,
  resolveEntityContext,
} from '../readmodel/resolveEntityContext';
import { sameBits } from '../readmodel/sameBits';
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

  static create(options: {
    catalog: typeof catalogServiceRef.T;
    config: EnvironmentsConfig;
    clusters: ClusterStateReader;
    repositories: GitRepositoryResolver;
    logger: LoggerService;
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
    /** Keep pins and TTL extensions of previews. */
    overrides?: PreviewOverrideStore;
  }) {
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
   * context and where its GitOps repository is.
   */
  async readChain(
    ref: CompoundEntityRef | string,
    options: { credentials: BackstageCredentials },
  ): Promise<ChainState> {
    const ctx = await this.#context(ref, options);
    const chain = this.#chain(ctx);
    const { repo, repoError } = this.#gitopsRepository(ctx);
    const git = await this.#readGit(ctx, repo);
    const environments = await Promise.all(
      chain.map(env =>
        readEnvironmentState({
          ctx,
          env,
          snapshot: git.snapshot,
          repoError: repoError ?? git.error,
          changes: git.changes,
          changesError: git.changesError,
          clusters: this.#clusters,
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
    const gitopsLocation = repo ? this.#locateGitops(ctx) : undefined;
    return {
      ctx,
      gitopsLocation,
      response: {
        entityRef: ctx.entityRef,
        chain: ctx.chain,
        gitopsRepo: gitopsLocation?.name,
        environments,
        generatedAt: new Date().toISOString(),
      },
    };
  }

  /** The watch-backed cluster caches the read model reads. */
  clusterState(): ClusterStateReader {
    return this.#clusters;
  }

  /** The source repository of a service, for commits between versions; undefined when unknown or not allowed. */
  sourceRepository(ctx: EntityContext): GitRepository | undefined {
    return ctx.sourceRepo
      ? this.#repository(ctx.sourceRepo, PROJECT_SLUG).repo
      : undefined;
  }

  async getPreviews(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PreviewsResponse> {
    const ctx = await this.#context(ref, options);
    const { repo: sourceRepo, repoError } = ctx.sourceRepo
      ? this.#repository(ctx.sourceRepo, PROJECT_SLUG)
      : { repo: undefined, repoError: undefined };
    return readPreviews({
      ctx,
      clusters: this.#clusters,
      sourceRepo,
      sourceRepoError: repoError,
      namespacePattern: this.#config.previews.namespacePattern,
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
    const repo = this.#repositories.resolve(ctx.sourceRepo, PROJECT_SLUG);
    return readVersionDiff(repo, versions);
  }

  /** The entity's context from its annotations: a catalog read only, no Git or cluster call. */
  async readContext(
    ref: CompoundEntityRef | string,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityContext> {
    return this.#context(ref, options);
  }

  /** The environments of the entity's chain, as configured. */
  chainOf(ctx: EntityContext): EnvironmentDefinition[] {
    return this.#chain(ctx);
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
    const chain = this.#config.chains.get(ctx.chain);
    if (!chain) {
      throw new NotFoundError(
        `Entity '${ctx.entityRef}' names chain '${ctx.chain}', which is not configured under environments.chains`,
      );
    }
    return chain;
  }

  #gitopsRepository(ctx: EntityContext) {
    if (!ctx.gitopsRepo) {
      return {
        repo: undefined,
        repoError:
          "No GitOps repository: annotate the entity with 'stageline.io/gitops-repo' or 'github.com/project-slug'",
      };
    }
    return this.#repository(ctx.gitopsRepo, ctx.gitopsRepoAnnotation);
  }

  #locateGitops(ctx: EntityContext) {
    return ctx.gitopsRepo
      ? this.#repositories.locate(ctx.gitopsRepo, ctx.gitopsRepoAnnotation)
      : undefined;
  }

  #repository(
    name: string,
    annotation: string,
  ): { repo?: GitRepository; repoError?: string } {
    try {
      return { repo: this.#repositories.resolve(name, annotation) };
    } catch (error) {
      return { repoError: errorMessage(error) };
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
        changes: await repo.listChanges(`stageline/${ctx.service}/`),
      };
    } catch (error) {
      return { snapshot, changes: [], changesError: errorMessage(error) };
    }
  }
}
