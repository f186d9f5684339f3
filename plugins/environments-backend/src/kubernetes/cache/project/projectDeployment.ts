import type { V1Deployment } from '@kubernetes/client-node';
import type { DeploymentObject } from '../../objectTypes';
import { projectContainers } from './projectContainers';
import { projectMeta } from './projectMeta';
import { toKubernetesTime } from './toKubernetesTime';

/** The slice of a Deployment the cache keeps. */
export function projectDeployment(deployment: V1Deployment): DeploymentObject {
  const { spec, status } = deployment;
  return {
    metadata: projectMeta(deployment.metadata),
    spec: {
      replicas: spec?.replicas,
      paused: spec?.paused,
      template: {
        spec: {
          containers: projectContainers(spec?.template?.spec?.containers),
        },
      },
    },
    status: {
      observedGeneration: status?.observedGeneration,
      replicas: status?.replicas,
      updatedReplicas: status?.updatedReplicas,
      readyReplicas: status?.readyReplicas,
      availableReplicas: status?.availableReplicas,
      conditions: (status?.conditions ?? []).map(c => ({
        type: c.type,
        status: c.status,
        reason: c.reason,
        message: c.message,
        lastTransitionTime: toKubernetesTime(c.lastTransitionTime),
      })),
    },
  };
}
