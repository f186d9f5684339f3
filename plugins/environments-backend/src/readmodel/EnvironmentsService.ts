import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  type CompoundEntityRef,
  type Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type {
  EnvironmentDefinition,
  EnvironmentsResponse,
  VersionDiffResponse,
} from '@stageline/plugin-environments-common';
import type { EntityContext } from '../catalog/EntityContext';
import { chainForService } from '../catalog/forService';
import { resolveEntityContext } from '../catalog/resolveEntityContext';
import { findChain } from '../config/findEnvironment';
import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';
import type {
  GitRepository,
  GitRepositoryResolver,
  PullRequestSummary,
} from '../gitops/types';
import type { ClusterStateReader } from '../kubernetes/types';
import type { OwnershipGuard } from '../ownership/OwnershipGuard';
import { overlayFolderKey } from '../ownership/repositoryKey';
import type { PreviewSource } from '../previews/types';
import type { ChainState } from './ChainState';
import { EntityRepositories } from './EntityRepositories';
import { agentQueryFor } from './agentQueryFor';
import { readEnvironmentState } from './readEnvironmentState';
import { readVersionDiff } from './readVersionDiff';
import { sameBits } from './sameBits';

/** What the environments service reads from. */
type EnvironmentsServiceOptions = {
  catalog: typeof catalogServiceRef.T;
  config: EnvironmentsConfig;
  clusters: ClusterStateReader;
  repositories: GitRepositoryResolver;
  logger: LoggerService;
  /** What each entity owns: its overlays folder, source repository and workload selector. */
  guard: OwnershipGuard;
};

/**
 * The read model: for a catalog service, what should run (Git), what does run (cluster) and what
 * is moving, in every environment of its chain. Reads memory-backed caches only.
 */
export class EnvironmentsService {
  readonly #catalog: typeof catalogServiceRef.T;
  readonly #config: EnvironmentsConfig;
  readonly #clusters: ClusterStateReader;
  readonly #guard: OwnershipGuard;
  readonly #git: EntityRepositories;

  static create(options: EnvironmentsServiceOptions) {
    return new EnvironmentsService(options);
  }

  private constructor(options: EnvironmentsServiceOptions) {
    this.#guard = options.guard;
    this.#catalog = options.catalog;
    this.#config = options.config;
    this.#clusters = options.clusters;
    this.#git = new EntityRepositories(options);
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
    return this.#readChainOf(await this.#context(ref, options));
  }

  /**
   * `readChain` for an entity the caller already read from the catalog with its own credentials
   * (the fleet lists them in one call); the caller checks permissions first.
   */
  async readEntityChain(entity: Entity): Promise<ChainState> {
    return this.#readChainOf(
      resolveEntityContext(entity, {
        overlaysPath: this.#config.gitops.overlaysPath,
      }),
    );
  }

  async #readChainOf(ctx: EntityContext): Promise<ChainState> {
    const configured = this.#chainDefinitions(ctx);
    const chain = this.#chain(ctx);
    const { repo, location, repoError } = this.#git.gitopsRepository(ctx);
    const git = await this.#git.readGit(ctx, repo);
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
          agentQuery: agentQueryFor({
            env,
            configured: configured[index],
            agents: this.#config.gitopsAgents,
            cluster: env.cluster ?? this.#clusters.defaultClusterName(),
            overlayPath: `${ctx.overlaysPath}/${env.overlay}`,
            repository: location?.location,
          }),
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
    const source = owner ? this.#git.sourceOf(ctx, owner) : {};
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
      repo = this.#git.sourceOf(ctx, await this.#git.confirmedOwner(ctx)).repo;
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
    const owner = await this.#git.confirmedOwner(ctx);
    return overlayFolderKey(
      owner.gitops.location,
      `${ctx.overlaysPath}/${environment.overlay}`,
    );
  }

  /**
   * What listing a service's previews needs from the read model, once Git confirms the entity
   * owns its overlays and no other owner claims its workloads: its context, its chain (for the
   * clusters), and the source repository whose pull requests the previews show, or why not.
   */
  async readPreviewSource(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PreviewSource> {
    const ctx = await this.#context(ref, options);
    const owner = await this.#git.confirmedOwner(ctx);
    await this.#guard.assertSoleClaim(ctx);
    const { repo: sourceRepo, error } = this.#git.sourceOf(ctx, owner);
    return {
      ctx,
      chain: this.#chain(ctx),
      sourceRepo,
      sourceRepoError: error,
    };
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
    const owner = await this.#git.confirmedOwner(ctx);
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
    await this.#git.confirmedOwner(ctx);
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
}
