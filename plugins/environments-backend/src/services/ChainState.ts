import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';
import type { AllowedRepository } from '../gitops/types';
import type { EntityContext } from '../readmodel/EntityContext';

/** The environments of one service, with the context the promotion engine acts on. */
export type ChainState = {
  ctx: EntityContext;
  /** Where the GitOps repository is read and written, as config allows it. */
  gitopsLocation?: AllowedRepository;
  response: EnvironmentsResponse;
};
