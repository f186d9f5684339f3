import { mockServices } from '@backstage/backend-test-utils';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { OVERLAY_OWNER_FILE } from '@stageline/plugin-environments-common';
import type { OwnershipEntry } from '../../config/readOwnershipConfig';
import type { GitRepositoryResolver } from '../../gitops/types';
import { createOwnershipGuard } from '../createOwnershipGuard';
import { listKubernetesEntities } from '../../catalog/listKubernetesEntities';

/** The ownership rules over a test catalog and repositories, as the plugin wires them. */
export function testOwnershipGuard(options: {
  catalog: typeof catalogServiceRef.T;
  repositories: GitRepositoryResolver;
  entries?: OwnershipEntry[];
  overlaysPath?: string;
}) {
  return createOwnershipGuard({
    entries: options.entries ?? [],
    repositories: options.repositories,
    listEntities: listKubernetesEntities(options.catalog, mockServices.auth()),
    overlaysPath: options.overlaysPath ?? 'k8s/overlays',
  });
}

/** Path and content of an overlays folder's owner file naming `entity`. */
export function ownerFile(
  entity: string,
  options: { overlaysPath?: string; sourceRepository?: string } = {},
): [string, string] {
  return [
    `${options.overlaysPath ?? 'k8s/overlays'}/${OVERLAY_OWNER_FILE}`,
    `entity: ${entity}\n${
      options.sourceRepository
        ? `sourceRepository: ${options.sourceRepository}\n`
        : ''
    }`,
  ];
}
