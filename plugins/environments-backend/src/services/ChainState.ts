import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';
import type { EntityContext } from '../readmodel/EntityContext';

/** The environments of one service, with the context the promotion engine acts on. */
export type ChainState = {
  ctx: EntityContext;
  /** GitOps repository location after `environments.gitops.repositories` mapping. */
  gitopsLocation?: string;
  response: EnvironmentsResponse;
};
