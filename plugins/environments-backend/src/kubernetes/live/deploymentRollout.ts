import type { RolloutStatus } from '@stageline/plugin-environments-common';
import type { DeploymentObject } from '../objectTypes';

/** Rollout status as `kubectl rollout status` decides it, plus `paused`. */
export function deploymentRollout(deployment: DeploymentObject): RolloutStatus {
  const { metadata, spec, status } = deployment;
  if (spec?.paused) return 'paused';
  if (
    metadata.generation !== undefined &&
    (status?.observedGeneration ?? 0) < metadata.generation
  ) {
    return 'progressing';
  }
  const progressing = status?.conditions?.find(c => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return 'failed';
  const desired = spec?.replicas ?? 1;
  const updated = status?.updatedReplicas ?? 0;
  if (updated < desired) return 'progressing';
  // Old pods still terminating, or new ones not yet available.
  if ((status?.replicas ?? 0) > updated) return 'progressing';
  if ((status?.availableReplicas ?? 0) < updated) return 'progressing';
  return 'complete';
}
