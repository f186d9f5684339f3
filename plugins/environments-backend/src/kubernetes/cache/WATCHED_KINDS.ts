import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import { projectDeployment } from './project/projectDeployment';
import { projectJob } from './project/projectJob';
import { projectIngress } from './project/projectIngress';
import { projectNamespace } from './project/projectNamespace';
import { projectPod } from './project/projectPod';
import { projectReplicaSet } from './project/projectReplicaSet';
import { projectStatefulSet } from './project/projectStatefulSet';
import type { WatchedKind } from './WatchedKind';

// Only workloads that declare a service are cached (the Backstage Kubernetes plugin's label).
const SERVICE_WORKLOADS = 'backstage.io/kubernetes-id';

type AnyList = Promise<KubernetesListObject<KubernetesObject>>;

/** The kinds every cluster is watched for; Traefik IngressRoutes are added when present. */
export const WATCHED_KINDS: WatchedKind[] = [
  {
    name: 'namespaces',
    path: '/api/v1/namespaces',
    list: apis => apis.core.listNamespace() as AnyList,
    project: o => projectNamespace(o),
  },
  {
    name: 'deployments',
    path: '/apis/apps/v1/deployments',
    labelSelector: SERVICE_WORKLOADS,
    list: (apis, labelSelector) =>
      apis.apps.listDeploymentForAllNamespaces({ labelSelector }) as AnyList,
    project: o => projectDeployment(o),
  },
  {
    name: 'statefulsets',
    path: '/apis/apps/v1/statefulsets',
    labelSelector: SERVICE_WORKLOADS,
    list: (apis, labelSelector) =>
      apis.apps.listStatefulSetForAllNamespaces({ labelSelector }) as AnyList,
    project: o => projectStatefulSet(o),
  },
  {
    name: 'replicasets',
    path: '/apis/apps/v1/replicasets',
    labelSelector: SERVICE_WORKLOADS,
    list: (apis, labelSelector) =>
      apis.apps.listReplicaSetForAllNamespaces({ labelSelector }) as AnyList,
    project: o => projectReplicaSet(o),
  },
  {
    name: 'pods',
    path: '/api/v1/pods',
    labelSelector: SERVICE_WORKLOADS,
    list: (apis, labelSelector) =>
      apis.core.listPodForAllNamespaces({ labelSelector }) as AnyList,
    project: o => projectPod(o),
  },
  {
    name: 'jobs',
    path: '/apis/batch/v1/jobs',
    labelSelector: SERVICE_WORKLOADS,
    list: (apis, labelSelector) =>
      apis.batch.listJobForAllNamespaces({ labelSelector }) as AnyList,
    project: o => projectJob(o),
  },
  {
    name: 'ingresses',
    path: '/apis/networking.k8s.io/v1/ingresses',
    labelSelector: SERVICE_WORKLOADS,
    list: (apis, labelSelector) =>
      apis.networking.listIngressForAllNamespaces({ labelSelector }) as AnyList,
    project: o => projectIngress(o),
  },
];
