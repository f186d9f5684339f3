import type { ReplicaCounts } from '@stageline/plugin-environments-common';
import type { WorkloadStatus } from '../objectTypes';

/**
 * A Deployment's or StatefulSet's replicas as its status counts them: a missing spec count is
 * Kubernetes' default of one, a missing status count is none.
 */
export function replicaCounts(workload: {
  spec?: { replicas?: number };
  status?: WorkloadStatus;
}): ReplicaCounts {
  const status = workload.status;
  return {
    desired: workload.spec?.replicas ?? 1,
    updated: status?.updatedReplicas ?? 0,
    ready: status?.readyReplicas ?? 0,
    available: status?.availableReplicas ?? 0,
  };
}
