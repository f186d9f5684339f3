import type {
  ReplicaCounts,
  WorkloadState,
} from '@stageline/plugin-environments-common';
import type { ContainerSpec, PodObject, WorkloadStatus } from '../objectTypes';
import { parseImage } from './parseImage';
import { podDigests } from './podDigests';
import { podRestarts } from './podRestarts';

/**
 * A workload as the UI shows it, once its kind's own rules gave its replicas, rollout, health
 * and times: image and digests of its primary container, restarts of its pods.
 */
export function workloadState(
  workload: Pick<
    WorkloadState,
    | 'kind'
    | 'name'
    | 'replicas'
    | 'rollout'
    | 'since'
    | 'healthySince'
    | 'health'
    | 'reasons'
  >,
  pods: PodObject[],
  container: ContainerSpec | undefined,
): WorkloadState {
  const { kind, name, replicas, rollout, since, healthySince } = workload;
  const image = parseImage(container?.image);
  return {
    kind,
    name,
    ...(image && { image }),
    digests: podDigests(pods, container?.name),
    replicas,
    rollout,
    restarts: podRestarts(pods),
    ...(since && { since }),
    ...(healthySince && { healthySince }),
    health: workload.health,
    reasons: workload.reasons,
  };
}

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
