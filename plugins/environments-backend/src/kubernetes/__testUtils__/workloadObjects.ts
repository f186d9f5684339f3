import type {
  Condition,
  ContainerState,
  DeploymentObject,
  PodObject,
  ReplicaSetObject,
  StatefulSetObject,
} from '../objectTypes';

/** Test fixtures: Kubernetes objects as a cluster would return them (kind and apiVersion too). */

export const ID_LABEL = 'backstage.io/kubernetes-id';
export const IMAGE = 'registry.example.com/shop/checkout';

export function digest(char: string): string {
  return `sha256:${char.repeat(64)}`;
}

type Typed<T> = T & { apiVersion: string; kind: string };

export function deploymentObject(options: {
  name?: string;
  namespace?: string;
  id?: string;
  image?: string;
  replicas?: number;
  generation?: number;
  observedGeneration?: number;
  updated?: number;
  ready?: number;
  available?: number;
  paused?: boolean;
  conditions?: Condition[];
  containers?: Array<{ name: string; image: string }>;
  env?: Array<{ name: string; value: string }>;
  annotations?: Record<string, string>;
}): Typed<DeploymentObject> {
  const name = options.name ?? 'checkout';
  const replicas = options.replicas ?? 2;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: options.namespace ?? 'qa',
      generation: options.generation ?? 1,
      labels: { [ID_LABEL]: options.id ?? 'checkout' },
      ...(options.annotations && { annotations: options.annotations }),
    },
    spec: {
      replicas,
      ...(options.paused && { paused: true }),
      template: {
        metadata: { labels: { [ID_LABEL]: options.id ?? 'checkout' } },
        spec: {
          containers: options.containers ?? [
            {
              name: 'app',
              image: options.image ?? `${IMAGE}:v1`,
              ...(options.env && { env: options.env }),
            },
          ],
        },
      },
    } as DeploymentObject['spec'],
    status: {
      observedGeneration: options.observedGeneration ?? options.generation ?? 1,
      replicas: options.updated ?? replicas,
      updatedReplicas: options.updated ?? replicas,
      readyReplicas: options.ready ?? replicas,
      availableReplicas: options.available ?? replicas,
      conditions: options.conditions ?? [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
        },
      ],
    },
  };
}

export function replicaSetObject(options: {
  name: string;
  deployment?: string;
  namespace?: string;
  revision?: number;
  createdAt: string;
  id?: string;
}): Typed<ReplicaSetObject> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: options.name,
      namespace: options.namespace ?? 'qa',
      creationTimestamp: options.createdAt,
      labels: { [ID_LABEL]: options.id ?? 'checkout' },
      annotations: {
        'deployment.kubernetes.io/revision': String(options.revision ?? 1),
      },
      ownerReferences: [
        {
          kind: 'Deployment',
          name: options.deployment ?? 'checkout',
          controller: true,
        },
      ],
    },
    spec: { replicas: 2 },
  };
}

export function podObject(options: {
  name: string;
  owner: { kind: string; name: string };
  namespace?: string;
  id?: string;
  image?: string;
  imageID?: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
  readinessProbe?: boolean;
  startTime?: string;
  labels?: Record<string, string>;
  sidecar?: { name: string; image: string; imageID: string };
}): Typed<PodObject> {
  const image = options.image ?? `${IMAGE}:v1`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: options.name,
      namespace: options.namespace ?? 'qa',
      labels: { [ID_LABEL]: options.id ?? 'checkout', ...options.labels },
      ownerReferences: [{ ...options.owner, controller: true }],
    },
    spec: {
      containers: [
        {
          name: 'app',
          image,
          ...(options.readinessProbe && {
            readinessProbe: {
              initialDelaySeconds: 1,
              periodSeconds: 1,
              failureThreshold: 1,
            },
          }),
        },
        ...(options.sidecar
          ? [{ name: options.sidecar.name, image: options.sidecar.image }]
          : []),
      ],
    },
    status: {
      phase: 'Running',
      startTime: options.startTime ?? '2024-05-01T10:00:00Z',
      containerStatuses: [
        {
          name: 'app',
          image,
          imageID:
            options.imageID ?? `docker-pullable://${IMAGE}@${digest('a')}`,
          ready: options.ready ?? true,
          restartCount: options.restartCount ?? 0,
          state: options.state ?? {
            running: { startedAt: '2024-05-01T10:00:05Z' },
          },
          ...(options.lastState && { lastState: options.lastState }),
        },
        ...(options.sidecar
          ? [
              {
                ...options.sidecar,
                ready: true,
                restartCount: 0,
                state: { running: {} },
              },
            ]
          : []),
      ],
    },
  };
}

export function statefulSetObject(options: {
  name?: string;
  namespace?: string;
  id?: string;
  image?: string;
  replicas?: number;
  updated?: number;
  ready?: number;
  currentRevision?: string;
  updateRevision?: string;
  generation?: number;
  observedGeneration?: number;
}): Typed<StatefulSetObject> {
  const replicas = options.replicas ?? 2;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: options.name ?? 'checkout-db',
      namespace: options.namespace ?? 'qa',
      generation: options.generation ?? 1,
      labels: { [ID_LABEL]: options.id ?? 'checkout' },
    },
    spec: {
      replicas,
      template: {
        metadata: { labels: { [ID_LABEL]: options.id ?? 'checkout' } },
        spec: {
          containers: [{ name: 'app', image: options.image ?? 'postgres:16' }],
        },
      },
    } as StatefulSetObject['spec'],
    status: {
      observedGeneration: options.observedGeneration ?? options.generation ?? 1,
      replicas,
      updatedReplicas: options.updated ?? replicas,
      readyReplicas: options.ready ?? replicas,
      availableReplicas: options.ready ?? replicas,
      currentRevision: options.currentRevision ?? 'checkout-db-1',
      updateRevision:
        options.updateRevision ?? options.currentRevision ?? 'checkout-db-1',
    },
  };
}
