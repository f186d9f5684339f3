import type { PodObject } from '../objectTypes';

/** Container restarts summed over the pods. */
export function podRestarts(pods: PodObject[]): number {
  let restarts = 0;
  for (const pod of pods) {
    for (const status of pod.status?.containerStatuses ?? []) {
      restarts += status.restartCount ?? 0;
    }
  }
  return restarts;
}
