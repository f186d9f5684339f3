import type { EntityContext } from '../catalog/EntityContext';
import type { PreviewCandidate, ReapOutcome } from './types';

/** Which preview of which service a reaper outcome is about. */
export function outcomeSubject(
  ctx: EntityContext,
  candidate: PreviewCandidate,
): Pick<ReapOutcome, 'entityRef' | 'cluster' | 'namespace'> {
  return {
    entityRef: ctx.entityRef,
    cluster: candidate.cluster,
    namespace: candidate.namespace.name,
  };
}
