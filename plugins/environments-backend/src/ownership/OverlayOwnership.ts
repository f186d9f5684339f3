import { NotAllowedError } from '@backstage/errors';
import {
  OVERLAY_OWNER_FILE,
  STAGELINE_ANNOTATIONS,
} from '@stageline/plugin-environments-common';
import type { OwnershipEntry } from '../config/readOwnershipConfig';
import type {
  AllowedRepository,
  GitRepositoryResolver,
  RepositorySnapshot,
} from '../gitops/types';
import type { EntityContext } from '../catalog/EntityContext';
import { errorMessage } from '../errors/errorMessage';
import { PROJECT_SLUG } from '../catalog/resolveEntityContext';
import type { OwnershipVerdict } from './OwnershipVerdict';
import { repositoryKey } from './repositoryKey';

const CONFIG_KEY = 'environments.ownership';

/**
 * Decides whether an entity owns the overlays folder its annotations point at. Ownership is
 * asserted where only the folder's owners can write: an `environments.ownership` entry, else the
 * folder's owner file in the GitOps repository. Annotations alone never grant it.
 */
export class OverlayOwnership {
  readonly #entries: OwnershipEntry[];
  readonly #repositories: GitRepositoryResolver;

  constructor(options: {
    entries: OwnershipEntry[];
    repositories: GitRepositoryResolver;
  }) {
    this.#entries = options.entries;
    this.#repositories = options.repositories;
  }

  /** Whether `ctx.entityRef` owns `ctx.overlaysPath` in the GitOps repository at `snapshot`. */
  async check(input: {
    ctx: EntityContext;
    gitops: AllowedRepository;
    snapshot: RepositorySnapshot;
  }): Promise<OwnershipVerdict> {
    const { ctx, gitops, snapshot } = input;
    const folder = `'${ctx.overlaysPath}' in ${gitops.name}`;
    const entry = this.#configEntry(ctx.overlaysPath, gitops);
    let owner: { entity: string; sourceRepository?: string } | undefined =
      entry;
    if (!owner) {
      try {
        owner = await snapshot.overlayOwner(ctx.overlaysPath);
      } catch (error) {
        return {
          owned: false,
          reason: `The owner of overlays folder ${folder} cannot be read: ${errorMessage(
            error,
          )}`,
        };
      }
    }
    if (!owner) {
      return {
        owned: false,
        reason: `Overlays folder ${folder} names no owner: add '${ctx.overlaysPath}/${OVERLAY_OWNER_FILE}' with 'entity: ${ctx.entityRef}' to the repository (or an ${CONFIG_KEY} entry), so that only this service can claim it`,
      };
    }
    if (owner.entity !== ctx.entityRef.toLocaleLowerCase('en-US')) {
      return {
        owned: false,
        reason: `Overlays folder ${folder} belongs to ${owner.entity}, not ${ctx.entityRef}: an entity reads and promotes only the overlays it owns`,
      };
    }
    return {
      owned: true,
      by: entry ? 'config' : 'owner-file',
      ...(owner.sourceRepository && {
        sourceRepository: owner.sourceRepository,
      }),
    };
  }

  /**
   * Throws NotAllowedError unless the entity's source repository (`github.com/project-slug`) is
   * the GitOps repository itself or the one its folder's owner names: an annotation alone must
   * not open any repository the token can read.
   */
  assertSourceRepository(
    ctx: EntityContext,
    gitops: AllowedRepository,
    verdict: OwnershipVerdict,
  ): void {
    if (!ctx.sourceRepo) return;
    if (!verdict.owned) throw new NotAllowedError(verdict.reason);
    const source = repositoryKey(
      this.#repositories.locate(ctx.sourceRepo, PROJECT_SLUG).location,
    );
    if (source === repositoryKey(gitops.location)) return;
    if (
      verdict.sourceRepository &&
      source === this.#keyOf(verdict.sourceRepository, PROJECT_SLUG)
    ) {
      return;
    }
    throw new NotAllowedError(
      `Source repository '${ctx.sourceRepo}' of ${ctx.entityRef} is not the GitOps repository and its overlays' owner does not name it: add 'sourceRepository: ${ctx.sourceRepo}' to '${ctx.overlaysPath}/${OVERLAY_OWNER_FILE}' in ${gitops.name} (or to its ${CONFIG_KEY} entry)`,
    );
  }

  #configEntry(overlaysPath: string, gitops: AllowedRepository) {
    const key = repositoryKey(gitops.location);
    return this.#entries.find(
      e =>
        e.overlaysPath === overlaysPath &&
        this.#keyOf(e.repository, STAGELINE_ANNOTATIONS.gitopsRepo) === key,
    );
  }

  #keyOf(repository: string, annotation: string): string | undefined {
    try {
      return repositoryKey(
        this.#repositories.locate(repository, annotation).location,
      );
    } catch {
      return undefined;
    }
  }
}
