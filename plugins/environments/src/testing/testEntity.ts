import type { Entity } from '@backstage/catalog-model';

/** The service the tests and the dev harness show. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
    },
  },
  spec: { type: 'service' },
};
