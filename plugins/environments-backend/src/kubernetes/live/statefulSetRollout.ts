import type { RolloutStatus } from '@stageline/plugin-environments-common';
import type { StatefulSetObject } from '../objectTypes';

/** Rollout status of a StatefulSet with the RollingUpdate strategy. */
export function statefulSetRollout(
  statefulSet: StatefulSetObject,
): RolloutStatus {
  const { metadata, spec, status } = statefulSet;
  if (
    metadata.generation !== undefined &&
    (status?.observedGeneration ?? 0) < metadata.generation
  ) {
    return 'progressing';
  }
  const desired = spec?.replicas ?? 1;
  if (
    status?.updateRevision &&
    status.currentRevision !== status.updateRevision
  ) {
    return 'progressing';
  }
  if ((status?.updatedReplicas ?? 0) < desired) return 'progressing';
  if ((status?.readyReplicas ?? 0) < desired) return 'progressing';
  return 'complete';
}
