import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import { projectIngressRoute } from './project/projectIngressRoute';
import type { WatchedKind } from './WatchedKind';

/** Traefik's IngressRoute, watched only on clusters that serve `traefik.io/v1alpha1`. */
export const INGRESS_ROUTES: WatchedKind = {
  name: 'ingressroutes',
  path: '/apis/traefik.io/v1alpha1/ingressroutes',
  optional: { group: 'traefik.io', version: 'v1alpha1' },
  labelSelector: 'backstage.io/kubernetes-id',
  list: (apis, labelSelector) =>
    apis.custom.listClusterCustomObject({
      group: 'traefik.io',
      version: 'v1alpha1',
      plural: 'ingressroutes',
      labelSelector,
    }) as Promise<KubernetesListObject<KubernetesObject>>,
  project: o => projectIngressRoute(o),
};
