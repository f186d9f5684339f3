import type { V1Pod } from '@kubernetes/client-node';
import type { PodObject } from '../../objectTypes';
import { projectContainers } from './projectContainers';
import { projectContainerState } from './projectContainerState';
import { projectMeta } from './projectMeta';
import { toKubernetesTime } from './toKubernetesTime';

/** The slice of a Pod the cache keeps: containers, statuses, phase and start. */
export function projectPod(pod: V1Pod): PodObject {
  const status = pod.status;
  const ofJob = (pod.metadata?.ownerReferences ?? []).some(
    o => o.kind === 'Job',
  );
  return {
    metadata: projectMeta(pod.metadata),
    spec: { containers: projectContainers(pod.spec?.containers) },
    status: {
      phase: status?.phase,
      startTime: toKubernetesTime(status?.startTime),
      conditions: (status?.conditions ?? []).map(c => ({
        type: c.type,
        status: c.status,
        lastTransitionTime: toKubernetesTime(c.lastTransitionTime),
      })),
      containerStatuses: (status?.containerStatuses ?? []).map(s => ({
        name: s.name,
        image: s.image,
        imageID: s.imageID,
        ready: s.ready,
        restartCount: s.restartCount,
        state: projectContainerState(s.state, ofJob),
        lastState: projectContainerState(s.lastState, ofJob),
      })),
    },
  };
}
