import type { V1ReplicaSet } from '@kubernetes/client-node';
import type { ReplicaSetObject } from '../../objectTypes';
import { projectMeta } from './projectMeta';

const REVISION = 'deployment.kubernetes.io/revision';

/** The slice of a ReplicaSet the cache keeps: owner, creation and revision. */
export function projectReplicaSet(replicaSet: V1ReplicaSet): ReplicaSetObject {
  return {
    metadata: projectMeta(replicaSet.metadata, key => key === REVISION),
    spec: { replicas: replicaSet.spec?.replicas },
    status: { replicas: replicaSet.status?.replicas },
  };
}
