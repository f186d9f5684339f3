import type {
  DeploymentObject,
  IngressObject,
  IngressRouteObject,
  NamespaceObject,
  PodObject,
  ReplicaSetObject,
  StatefulSetObject,
} from '../objectTypes';
import type { ObjectIndex } from './ObjectIndex';

/** One index per watched kind of a cluster. */
export type ClusterIndexes = {
  namespaces: ObjectIndex<NamespaceObject>;
  deployments: ObjectIndex<DeploymentObject>;
  statefulsets: ObjectIndex<StatefulSetObject>;
  replicasets: ObjectIndex<ReplicaSetObject>;
  pods: ObjectIndex<PodObject>;
  ingresses: ObjectIndex<IngressObject>;
  ingressroutes: ObjectIndex<IngressRouteObject>;
};
