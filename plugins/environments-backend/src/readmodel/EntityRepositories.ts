import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  type InFlightChange,
  promotionBranchPrefix,
} from '@stageline/plugin-environments-common';
import type { EntityContext } from '../catalog/EntityContext';
import { errorMessage } from '../errors/errorMessage';
import type {
  AllowedRepository,
  GitRepository,
  GitRepositoryResolver,
  RepositorySnapshot,
} from '../gitops/types';
import type {
  ConfirmedOwner,
  OwnershipGuard,
} from '../ownership/OwnershipGuard';

/**
 * An entity's repositories as the read model reads them: its GitOps repository (where config
 * allows it), the owner of its overlays confirmed from the snapshot, and its source repository.
 * Failures become reasons to show, not failed views, except where ownership must be confirmed.
 */
export class EntityRepositories {
  readonly #repositories: GitRepositoryResolver;
  readonly #guard: OwnershipGuard;
  readonly #logger: LoggerService;

  constructor(options: {
    repositories: GitRepositoryResolver;
    guard: OwnershipGuard;
    logger: LoggerService;
  }) {
    this.#repositories = options.repositories;
    this.#guard = options.guard;
    this.#logger = options.logger;
  }

  /** Where the entity's GitOps repository is, or why it cannot be read. */
  gitopsRepository(ctx: EntityContext): {
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
  async confirmedOwner(ctx: EntityContext): Promise<ConfirmedOwner> {
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

  /** The source repository the entity may read commits of, or why not. */
  sourceOf(
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
  async readGit(
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
      this.#logger.warn('Could not read the GitOps repository', {
        repository: repo.displayName,
        entityRef: ctx.entityRef,
        error: errorMessage(error),
      });
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
