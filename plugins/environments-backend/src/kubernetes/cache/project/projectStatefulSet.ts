import type { V1StatefulSet } from '@kubernetes/client-node';
import type { StatefulSetObject } from '../../objectTypes';
import { projectContainers } from './projectContainers';
import { projectMeta } from './projectMeta';

/** The slice of a StatefulSet the cache keeps. */
export function projectStatefulSet(
  statefulSet: V1StatefulSet,
): StatefulSetObject {
  const { spec, status } = statefulSet;
  return {
    metadata: projectMeta(statefulSet.metadata),
    spec: {
      replicas: spec?.replicas,
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
      currentRevision: status?.currentRevision,
      updateRevision: status?.updateRevision,
    },
  };
}
