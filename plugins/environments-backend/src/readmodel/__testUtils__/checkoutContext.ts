import type { EntityContext } from '../../catalog/EntityContext';

/** The example service checkout as the read model sees it: its overlays in `k8s/overlays`. */
export const checkoutContext: EntityContext = {
  entityRef: 'component:default/checkout',
  service: 'checkout',
  chain: 'default',
  labelSelector: 'backstage.io/kubernetes-id=checkout',
  gitopsRepoAnnotation: 'stageline.io/gitops-repo',
  overlaysPath: 'k8s/overlays',
};
