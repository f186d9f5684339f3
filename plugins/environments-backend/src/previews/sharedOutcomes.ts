import type { EntityContext } from '../catalog/EntityContext';
import { outcomeSubject } from './outcomeSubject';
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
