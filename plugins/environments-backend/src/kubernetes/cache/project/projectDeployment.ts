import type { V1Deployment } from '@kubernetes/client-node';
import type { DeploymentObject } from '../../objectTypes';
import { projectPodTemplate } from './projectContainers';
import { projectMeta } from './projectMeta';
import { projectWorkloadStatus } from './projectWorkloadStatus';
import { toKubernetesTime } from './toKubernetesTime';

/** The slice of a Deployment the cache keeps. */
export function projectDeployment(deployment: V1Deployment): DeploymentObject {
  const { spec, status } = deployment;
  return {
    metadata: projectMeta(deployment.metadata),
    spec: {
      replicas: spec?.replicas,
      paused: spec?.paused,
      template: projectPodTemplate(spec?.template),
    },
    status: {
      ...projectWorkloadStatus(status),
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
