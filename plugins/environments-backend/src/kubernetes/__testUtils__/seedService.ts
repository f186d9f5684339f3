import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';
import {
  deploymentObject,
  digest,
  IMAGE,
  podObject,
  replicaSetObject,
} from './workloadObjects';

/**
 * Applies a Deployment of service `id` with its ReplicaSet and `pods` running pods to the
 * stand-in; pod names are `<name>-<i>`.
 */
export function seedService(
  standIn: KubernetesStandIn,
  options: {
    namespace: string;
    id: string;
    name?: string;
    pods?: number;
    tag?: string;
    digestChar?: string;
    extraLabels?: Record<string, string>;
  },
): void {
  const name = options.name ?? options.id;
  const count = options.pods ?? 2;
  const image = `${IMAGE}:${options.tag ?? 'v1'}`;
  const deployment = deploymentObject({
    name,
    namespace: options.namespace,
    id: options.id,
    image,
    replicas: count,
  });
  deployment.metadata.labels = {
    ...deployment.metadata.labels,
    ...options.extraLabels,
  };
  standIn.apply(deployment);
  standIn.apply(
    replicaSetObject({
      name: `${name}-rs`,
      deployment: name,
      namespace: options.namespace,
      id: options.id,
      createdAt: '2024-05-01T09:59:00Z',
    }),
  );
  for (let i = 0; i < count; i++) {
    standIn.apply(
      podObject({
        name: `${name}-${i}`,
        namespace: options.namespace,
        id: options.id,
        image,
        imageID: `${IMAGE}@${digest(options.digestChar ?? 'a')}`,
        owner: { kind: 'ReplicaSet', name: `${name}-rs` },
      }),
    );
  }
}
