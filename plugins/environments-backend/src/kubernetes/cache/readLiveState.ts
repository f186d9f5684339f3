import type { LiveState } from '@stageline/plugin-environments-common';
import type { LabelRequirement } from '@stageline/plugin-environments-common';
import type { PodObject, ReplicaSetObject } from '../objectTypes';
import { summarizeLiveState } from '../live/summarizeLiveState';
import type { ClusterIndexes } from './ClusterIndexes';

/**
 * The service's live state in one namespace from the cluster's indexes: its workloads by
 * selector, their ReplicaSets and pods by owner.
 */
export function readLiveState(input: {
  cluster: string;
  namespace: string;
  indexes: ClusterIndexes;
  requirements: LabelRequirement[];
  primaryImage?: string;
}): LiveState | undefined {
  const { indexes, namespace, requirements } = input;
  const deployments = indexes.deployments.select(namespace, requirements);
  const statefulSets = indexes.statefulsets.select(namespace, requirements);
  const replicaSets: ReplicaSetObject[] = deployments.flatMap(d =>
    indexes.replicasets.ownedBy(namespace, 'Deployment', d.metadata.name),
  );
  const pods: PodObject[] = [
    ...replicaSets.flatMap(rs =>
      indexes.pods.ownedBy(namespace, 'ReplicaSet', rs.metadata.name),
    ),
    ...statefulSets.flatMap(s =>
      indexes.pods.ownedBy(namespace, 'StatefulSet', s.metadata.name),
    ),
  ];
  return summarizeLiveState({
    cluster: input.cluster,
    namespace,
    deployments,
    statefulSets,
    replicaSets,
    pods,
    primaryImage: input.primaryImage,
  });
}
