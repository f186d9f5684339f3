import type { Condition, PodObject } from '../objectTypes';

/**
 * A condition with the time its status last changed. The cache's slices carry it once the
 * projections copy `lastTransitionTime`; until then it is absent and `healthySince` is omitted.
 */
export type TimedCondition = Condition & { lastTransitionTime?: string };

/** A pod with its conditions (`Ready`, `ContainersReady`, ...), when the cache keeps them. */
export type PodWithConditions = PodObject & {
  status?: PodObject['status'] & { conditions?: TimedCondition[] };
};
