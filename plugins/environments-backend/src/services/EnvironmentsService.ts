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
import { resolve as resolvePath } from 'node:path';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  EnvironmentDefinition,
  EnvironmentsResponse,
  InFlightChange,
  PreviewsResponse,
  VersionDiffResponse,
} from '@stageline/plugin-environments-common';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import type { GitRepository, GitRepositoryResolver } from '../gitops/types';
import type { ClusterStateReader } from '../kubernetes/types';
import type { PreviewOverrideStore } from '../promotions/types';
import { errorMessage } from '../readmodel/errorMessage';
import type { EntityContext } from '../readmodel/EntityContext';
import { readEnvironmentState } from '../readmodel/readEnvironmentState';
import { readPreviews } from '../readmodel/readPreviews';
import { readVersionDiff } from '../readmodel/readVersionDiff';
import { resolveEntityContext } from '../readmodel/resolveEntityContext';
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
    const changes = await this.#changes(ctx, repo);
    const environments = await Promise.all(
      chain.map(env =>
        readEnvironmentState({
          ctx,
          env,
          repo,
          repoError,
          changes: changes.value,
          changesError: changes.error,
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
    return {
      ctx,
      gitopsLocation: ctx.gitopsRepo
        ? this.resolveLocation(ctx.gitopsRepo)
        : undefined,
      response: {
        entityRef: ctx.entityRef,
        chain: ctx.chain,
        gitopsRepo: ctx.gitopsRepo,
        environments,
        generatedAt: new Date().toISOString(),
      },
    };
  }

  /** The watch-backed cluster caches the read model reads. */
  clusterState(): ClusterStateReader {
    return this.#clusters;
  }

  /** The source repository of a service, for commits between versions; undefined when unknown. */
  sourceRepository(ctx: EntityContext): GitRepository | undefined {
    return ctx.sourceRepo ? this.#repository(ctx.sourceRepo).repo : undefined;
  }

  /**
   * Where a repository named by an annotation is read and written: the mapped mirror or path
   * from `environments.gitops.repositories`, else the name itself.
   */
  resolveLocation(name: string): string {
    const mapped = this.#config.gitops.repositories[name];
    // Relative mirror paths resolve from the backend's working directory, like catalog file locations.
    return mapped && /^\.\.?\//.test(mapped)
      ? resolvePath(mapped)
      : mapped ?? name;
  }

  async getPreviews(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PreviewsResponse> {
    const ctx = await this.#context(ref, options);
    const { repo: sourceRepo, repoError } = ctx.sourceRepo
      ? this.#repository(ctx.sourceRepo)
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
    const repo = this.#resolve(ctx.sourceRepo);
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
    return this.#repository(ctx.gitopsRepo);
  }

  #repository(name: string): {
    repo?: GitRepository;
    repoError?: string;
  } {
    try {
      return { repo: this.#resolve(name) };
    } catch (error) {
      return { repoError: errorMessage(error) };
    }
  }

  #resolve(name: string): GitRepository {
    return this.#repositories.resolve(this.resolveLocation(name));
  }

  async #changes(
    ctx: EntityContext,
    repo: GitRepository | undefined,
  ): Promise<{ value: InFlightChange[]; error?: string }> {
    if (!repo) return { value: [] };
    try {
      return { value: await repo.listChanges(`stageline/${ctx.service}/`) };
    } catch (error) {
      this.#logger.warn(
        `Could not list in-flight changes of ${ctx.entityRef}: ${errorMessage(
          error,
        )}`,
      );
      return { value: [], error: errorMessage(error) };
    }
  }
}
