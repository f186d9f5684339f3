import type { PodObject } from '../objectTypes';
import { digestOfImageId } from './digestOfImageId';

/** Distinct digests the pods run in `containerName` (every container when undefined), sorted. */
export function podDigests(
  pods: PodObject[],
  containerName: string | undefined,
): string[] {
  const digests = new Set<string>();
  for (const pod of pods) {
    for (const status of pod.status?.containerStatuses ?? []) {
      if (containerName !== undefined && status.name !== containerName)
        continue;
      const digest = digestOfImageId(status.imageID);
      if (digest) digests.add(digest);
    }
  }
  return [...digests].sort();
}
