import type { WorkloadStatus } from '../../objectTypes';

/** The replica counts a Deployment's or StatefulSet's status shares, as the cache keeps them. */
export function projectWorkloadStatus(
  status: WorkloadStatus | undefined,
): WorkloadStatus {
  return {
    observedGeneration: status?.observedGeneration,
    replicas: status?.replicas,
    updatedReplicas: status?.updatedReplicas,
    readyReplicas: status?.readyReplicas,
    availableReplicas: status?.availableReplicas,
  };
}
