import type { WorkloadState } from '@stageline/plugin-environments-common';
import type { StatefulSetObject } from '../objectTypes';
import { detectProblems } from './detectProblems';
import { isOwnedBy } from './isOwnedBy';
import { primaryContainer } from './primaryContainer';
import { statefulSetHealthySince } from './statefulSetHealthySince';
import { statefulSetRollout } from './statefulSetRollout';
import { statefulSetSince } from './statefulSetSince';
import type { WorkloadInputs } from './WorkloadInputs';
import { workloadHealth } from './workloadHealth';
import { replicaCounts, workloadState } from './workloadState';

/** One StatefulSet with its pods, as the UI shows it. */
export function summarizeStatefulSet(
  statefulSet: StatefulSetObject,
  inputs: WorkloadInputs,
): WorkloadState {
  const name = statefulSet.metadata.name;
  const pods = inputs.pods.filter(p => isOwnedBy(p, 'StatefulSet', name));
  const container = primaryContainer(statefulSet, inputs.primaryImage);
  const counted = replicaCounts(statefulSet);
  const replicas = {
    ...counted,
    // Older API servers leave availableReplicas out for StatefulSets; ready is the next best.
    available: statefulSet.status?.availableReplicas ?? counted.ready,
  };
  const rollout = statefulSetRollout(statefulSet);
  const { health, reasons } = workloadHealth({
    rollout,
    replicas,
    problems: detectProblems({ pods, deployments: [] }),
  });
  const since = statefulSetSince(statefulSet, pods);
  const healthySince = statefulSetHealthySince({ health, pods, since });
  return workloadState(
    {
      kind: 'StatefulSet',
      name,
      replicas,
      rollout,
      since,
      healthySince,
      health,
      reasons,
    },
    pods,
    container,
  );
}
