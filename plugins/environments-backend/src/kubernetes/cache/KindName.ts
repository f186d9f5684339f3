/** The kinds the cluster cache watches, by plural resource name. */
export type KindName =
  | 'namespaces'
  | 'deployments'
  | 'statefulsets'
  | 'replicasets'
  | 'pods'
  | 'jobs'
  | 'ingresses'
  | 'ingressroutes'
  | 'applications'
  | 'kustomizations';
