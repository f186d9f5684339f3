import type { LiveState } from '@stageline/plugin-environments-common';
import type { LabelRequirement } from '@stageline/plugin-environments-common';
import type { PodObject, ReplicaSetObject } from '../objectTypes';
import { parseImage } from '../live/parseImage';
import { summarizeLiveState } from '../live/summarizeLiveState';
import { summarizeMigration } from '../live/summarizeMigration';
import type { ClusterIndexes } from './ClusterIndexes';

/**
 * The service's live state in one namespace from the cluster's indexes: its workloads by
 * selector, their ReplicaSets and pods by owner, and its newest migrations Job.
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
  const live = summarizeLiveState({
    cluster: input.cluster,
    namespace,
    deployments,
    statefulSets,
    replicaSets,
    pods,
    primaryImage: input.primaryImage,
  });
  if (!live) return undefined;
  const migration = summarizeMigration({
    jobs: indexes.jobs.select(namespace, requirements),
    podsOf: job => indexes.pods.ownedBy(namespace, 'Job', job),
    imageName: parseImage(input.primaryImage)?.name ?? live.image?.name,
  });
  return migration ? { ...live, migration } : live;
}
