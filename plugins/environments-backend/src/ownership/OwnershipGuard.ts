import { ConflictError, NotAllowedError } from '@backstage/errors';
import type {
  AllowedRepository,
  GitRepository,
  GitRepositoryResolver,
  RepositorySnapshot,
} from '../gitops/types';
import type { EntityContext } from '../catalog/EntityContext';
import { PROJECT_SLUG } from '../catalog/resolveEntityContext';
import type { OverlayOwnership } from './OverlayOwnership';
import type { OwnershipVerdict } from './OwnershipVerdict';
import type { WorkloadClaims } from './WorkloadClaims';

/** An entity confirmed as the owner of its overlays folder, and what that lets it read. */
export type ConfirmedOwner = {
  gitops: AllowedRepository;
  verdict: Extract<OwnershipVerdict, { owned: true }>;
};

/**
 * What an entity may read and write follows from what it owns: its overlays folder (owner file
 * or config), the source repository that owner names, and a workload selector no other owner
 * claims. Everything here reads memory (snapshots, the claims index), never a host per view.
 */
export class OwnershipGuard {
  readonly #ownership: OverlayOwnership;
  readonly #claims: WorkloadClaims;
  readonly #repositories: GitRepositoryResolver;

  constructor(options: {
    ownership: OverlayOwnership;
    claims: WorkloadClaims;
    repositories: GitRepositoryResolver;
  }) {
    this.#ownership = options.ownership;
    this.#claims = options.claims;
    this.#repositories = options.repositories;
  }

  /** Throws NotAllowedError, with the reason, unless `ctx` owns its overlays folder at `snapshot`. */
  async confirm(
    ctx: EntityContext,
    gitops: AllowedRepository,
    snapshot: RepositorySnapshot,
  ): Promise<ConfirmedOwner> {
    const verdict = await this.#ownership.check({ ctx, gitops, snapshot });
    if (!verdict.owned) throw new NotAllowedError(verdict.reason);
    return { gitops, verdict };
  }

  /**
   * Throws ConflictError when another entity that owns its own overlays claims the same
   * workload selector: the two would show and gate on each other's pods.
   */
  async assertSoleClaim(ctx: EntityContext): Promise<void> {
    const others = await this.#claims.othersClaiming(ctx);
    for (const other of others) {
      if (await this.#ownsItsFolder(other)) {
        throw new ConflictError(
          `Workload selector '${ctx.labelSelector}' of ${ctx.entityRef} is also claimed by ${other.entityRef}: give each service a selector of its own (backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector)`,
        );
      }
    }
  }

  /** The source repository `ctx` may read (commits, pull requests); throws NotAllowedError when not. */
  sourceRepository(
    ctx: EntityContext,
    owner: ConfirmedOwner,
  ): GitRepository | undefined {
    if (!ctx.sourceRepo) return undefined;
    this.#ownership.assertSourceRepository(ctx, owner.gitops, owner.verdict);
    return this.#repositories.resolve(ctx.sourceRepo, PROJECT_SLUG);
  }

  async #ownsItsFolder(ctx: EntityContext): Promise<boolean> {
    if (!ctx.gitopsRepo) return false;
    try {
      const gitops = this.#repositories.locate(
        ctx.gitopsRepo,
        ctx.gitopsRepoAnnotation,
      );
      const snapshot = await this.#repositories
        .resolve(ctx.gitopsRepo, ctx.gitopsRepoAnnotation)
        .snapshot();
      return (await this.#ownership.check({ ctx, gitops, snapshot })).owned;
    } catch {
      // An entity whose ownership cannot be confirmed is shown nothing live, so it shares nothing.
      return false;
    }
  }
}
