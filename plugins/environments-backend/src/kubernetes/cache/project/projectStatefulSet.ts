import type { V1StatefulSet } from '@kubernetes/client-node';
import type { StatefulSetObject } from '../../objectTypes';
import { projectPodTemplate } from './projectContainers';
import { projectMeta } from './projectMeta';
import { projectWorkloadStatus } from './projectWorkloadStatus';

/** The slice of a StatefulSet the cache keeps. */
export function projectStatefulSet(
  statefulSet: V1StatefulSet,
): StatefulSetObject {
  const { spec, status } = statefulSet;
  return {
    metadata: projectMeta(statefulSet.metadata),
    spec: {
      replicas: spec?.replicas,
      template: projectPodTemplate(spec?.template),
    },
    status: {
      ...projectWorkloadStatus(status),
      currentRevision: status?.currentRevision,
      updateRevision: status?.updateRevision,
    },
  };
}
