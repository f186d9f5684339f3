import type { Entity } from '@backstage/catalog-model';
import type { OwnershipEntry } from '../config/readOwnershipConfig';
import type { GitRepositoryResolver } from '../gitops/types';
import { OverlayOwnership } from './OverlayOwnership';
import { OwnershipGuard } from './OwnershipGuard';
import { WorkloadClaims } from './WorkloadClaims';

/** The ownership rules as config and the catalog give them. */
export function createOwnershipGuard(options: {
  entries: OwnershipEntry[];
  repositories: GitRepositoryResolver;
  listEntities: () => Promise<Entity[]>;
  overlaysPath: string;
}): OwnershipGuard {
  return new OwnershipGuard({
    ownership: new OverlayOwnership({
      entries: options.entries,
      repositories: options.repositories,
    }),
    claims: new WorkloadClaims({
      listEntities: options.listEntities,
      overlaysPath: options.overlaysPath,
    }),
    repositories: options.repositories,
  });
}
