import type { HealthStatus } from '@stageline/plugin-environments-common';
import { latestTime } from './latestTime';
import type { PodWithConditions } from './TimedCondition';

/**
 * Since when a healthy StatefulSet has been healthy: the latest `Ready` transition of its pods
 * (a StatefulSet has no `Available` condition), never before its revision started (`since`).
 * Undefined when not healthy, without pods, or when any pod's Ready transition is unknown:
 * a guess could pass the healthy-for gate too early.
 */
export function statefulSetHealthySince(input: {
  health: HealthStatus;
  pods: PodWithConditions[];
  since: string | undefined;
}): string | undefined {
  if (input.health !== 'healthy' || input.pods.length === 0) return undefined;
  const readySince = input.pods.map(pod => {
    const ready = pod.status?.conditions?.find(c => c.type === 'Ready');
    return ready?.status === 'True' ? ready.lastTransitionTime : undefined;
  });
  if (readySince.some(time => !time)) return undefined;
  return latestTime([...readySince, input.since]);
}
