import type { ImageReference } from '../images/ImageReference';
import type { MigrationState } from './MigrationState';

/**
 * Overall verdict on what runs.
 *
 * @public
 */
export type HealthStatus =
  | 'healthy'
  | 'progressing'
  | 'degraded'
  | 'missing'
  | 'unknown';

/**
 * Rollout progress of a workload, from its conditions and `observedGeneration`.
 *
 * @public
 */
export type RolloutStatus =
  | 'complete'
  | 'progressing'
  | 'failed'
  | 'paused'
  | 'unknown';

/**
 * Replica counts as Kubernetes reports them.
 *
 * @public
 */
export type ReplicaCounts = {
  desired: number;
  updated: number;
  ready: number;
  available: number;
};

/**
 * One Deployment or StatefulSet of the service in an environment.
 *
 * @public
 */
export type WorkloadState = {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  /** Image of the first container, as written in the pod template. */
  image?: ImageReference;
  /** Distinct image digests the workload's pods run, from `status.containerStatuses[].imageID`. */
  digests: string[];
  replicas: ReplicaCounts;
  rollout: RolloutStatus;
  restarts: number;
  /** When the current pod template (version) started running: creation of its ReplicaSet or revision. */
  since?: string;
  /**
   * Since when the workload has been healthy at its current version (ISO 8601): the later of the
   * Deployment's `Available` transition and `since`; for a StatefulSet, the latest pod Ready
   * transition. Absent when not healthy or not known.
   */
  healthySince?: string;
  health: HealthStatus;
  /** Human reasons for a health verdict other than healthy (CrashLoopBackOff, readiness failing, ...). */
  reasons: string[];
};

/**
 * What the cluster runs for the service in one environment.
 *
 * @public
 */
export type LiveState = {
  cluster: string;
  namespace: string;
  workloads: WorkloadState[];
  /** Image of the primary workload (the one running `stageline.io/image`, else the first). */
  image?: ImageReference;
  digests: string[];
  replicas: ReplicaCounts;
  rollout: RolloutStatus;
  restarts: number;
  since?: string;
  /** Since when every workload has been healthy: the latest of their `healthySince`; absent when any is unknown. */
  healthySince?: string;
  health: HealthStatus;
  reasons: string[];
  /** The newest migrations Job of the service in this namespace, when it has one. */
  migration?: MigrationState;
};
