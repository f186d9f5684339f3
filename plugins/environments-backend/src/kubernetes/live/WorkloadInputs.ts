import type { PodObject, ReplicaSetObject } from '../objectTypes';

/** The ReplicaSets and pods a workload summary may pick its own from. */
export type WorkloadInputs = {
  replicaSets: ReplicaSetObject[];
  pods: PodObject[];
  primaryImage?: string;
};
