import type { Entity } from '@backstage/catalog-model';
import { IMAGE } from '../../kubernetes/__testUtils__/workloadObjects';

/** The catalog entity of the example service checkout, wired to `acme/gitops`. */
export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
      'stageline.io/gitops-repo': 'acme/gitops',
      'stageline.io/overlays-path': 'apps/checkout/overlays',
      'stageline.io/image': IMAGE,
    },
  },
  spec: { type: 'service', owner: 'team-checkout', lifecycle: 'production' },
};
