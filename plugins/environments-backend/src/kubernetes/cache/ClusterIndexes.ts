import type {
  DeploymentObject,
  IngressObject,
  IngressRouteObject,
  NamespaceObject,
  PodObject,
  ReplicaSetObject,
  StatefulSetObject,
} from '../objectTypes';
import type {
  ArgoApplicationObject,
  FluxKustomizationObject,
} from '../agentObjectTypes';
import type { JobObject } from '../jobObjectTypes';
import type { ObjectIndex } from './ObjectIndex';

/** One index per watched kind of a cluster. */
export type ClusterIndexes = {
  namespaces: ObjectIndex<NamespaceObject>;
  deployments: ObjectIndex<DeploymentObject>;
  statefulsets: ObjectIndex<StatefulSetObject>;
  replicasets: ObjectIndex<ReplicaSetObject>;
  pods: ObjectIndex<PodObject>;
  /** Jobs of services: their migrations. */
  jobs: ObjectIndex<JobObject>;
  ingresses: ObjectIndex<IngressObject>;
  ingressroutes: ObjectIndex<IngressRouteObject>;
  /** Argo CD Applications (empty where Argo CD is not installed). */
  applications: ObjectIndex<ArgoApplicationObject>;
  /** Flux Kustomizations (empty where Flux is not installed). */
  kustomizations: ObjectIndex<FluxKustomizationObject>;
};
