/**
 * The slice of each Kubernetes object the cluster cache keeps: only what Stageline shows or
 * needs to compute health. No env vars, no Secrets, no annotations beyond an allowlist. Times
 * are ISO 8601 strings, whether the object came from a list or a watch event.
 */

export type ObjectMeta = {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ kind: string; name: string; controller?: boolean }>;
};

export type ContainerSpec = {
  name: string;
  image?: string;
  readinessProbe?: {
    initialDelaySeconds?: number;
    periodSeconds?: number;
    failureThreshold?: number;
  };
};

export type PodTemplate = { spec?: { containers: ContainerSpec[] } };

export type Condition = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  /** When `status` last changed (gates use it: healthy since when). */
  lastTransitionTime?: string;
};

export type WorkloadStatus = {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
};

export type DeploymentObject = {
  metadata: ObjectMeta;
  spec?: { replicas?: number; paused?: boolean; template?: PodTemplate };
  status?: WorkloadStatus & { conditions?: Condition[] };
};

export type StatefulSetObject = {
  metadata: ObjectMeta;
  spec?: { replicas?: number; template?: PodTemplate };
  status?: WorkloadStatus & {
    currentRevision?: string;
    updateRevision?: string;
  };
};

export type ReplicaSetObject = {
  metadata: ObjectMeta;
  spec?: { replicas?: number };
  status?: { replicas?: number };
};

export type ContainerState = {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; message?: string };
};

export type ContainerStatus = {
  name: string;
  image?: string;
  imageID?: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
};

export type PodObject = {
  metadata: ObjectMeta;
  spec?: { containers: ContainerSpec[] };
  status?: {
    phase?: string;
    startTime?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
  };
};

export type IngressObject = {
  metadata: ObjectMeta;
  spec?: {
    rules?: Array<{
      host?: string;
      http?: { paths?: Array<{ path?: string }> };
    }>;
    tls?: Array<{ hosts?: string[] }>;
  };
};

export type IngressRouteObject = {
  metadata: ObjectMeta;
  spec?: {
    entryPoints?: string[];
    routes?: Array<{ match?: string }>;
    tls?: Record<string, unknown>;
  };
};

export type NamespaceObject = {
  metadata: ObjectMeta;
  /** `Terminating` once deleted, until its content is gone. */
  status?: { phase?: string };
};
