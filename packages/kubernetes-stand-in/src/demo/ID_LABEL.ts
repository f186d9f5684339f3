/** The label the Kubernetes plugin (and Stageline) find a service's workloads by. */
export const ID_LABEL = 'backstage.io/kubernetes-id';
