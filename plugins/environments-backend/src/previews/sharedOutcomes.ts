import type { EntityContext } from '../catalog/EntityContext';
import type { PreviewCandidate, ReapOutcome } from './types';

/** Outcomes for a namespace that holds several services' workloads: left alone, for each. */
export function sharedOutcomes(
  holders: Array<{ ctx: EntityContext; candidate: PreviewCandidate }>,
): ReapOutcome[] {
  const refs = holders.map(h => h.ctx.entityRef).join(', ');
  return holders.map(({ ctx, candidate }) => ({
    ...outcomeSubject(ctx, candidate),
    action: 'skipped',
    reason: `it holds the workloads of several services (${refs}); the reaper leaves shared namespaces alone`,
  }));
}

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
