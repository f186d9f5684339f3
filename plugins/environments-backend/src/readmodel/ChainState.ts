import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';
import type { AllowedRepository, GitRepository } from '../gitops/types';
import type { EntityContext } from '../catalog/EntityContext';

/** The environments of one service, with the context the promotion engine acts on. */
export type ChainState = {
  ctx: EntityContext;
  /** Where the GitOps repository is read and written; set only once the entity's ownership of its overlays is confirmed. */
  gitopsLocation?: AllowedRepository;
  /** The source repository the entity may read commits of: the GitOps repository or the one its overlays' owner names. */
  sourceRepository?: GitRepository;
  response: EnvironmentsResponse;
};
