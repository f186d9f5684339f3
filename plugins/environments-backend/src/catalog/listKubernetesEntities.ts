import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';

/**
 * Every catalog entity with a Kubernetes id or label selector, read with the plugin's own
 * credentials: the background work (reaper, the workload claims index) must see all of them,
 * whoever is asking.
 */
export function listKubernetesEntities(
  catalog: typeof catalogServiceRef.T,
  auth: AuthService,
): () => Promise<Entity[]> {
  return async () => {
    const credentials: BackstageCredentials =
      await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: [
          {
            'metadata.annotations.backstage.io/kubernetes-id':
              CATALOG_FILTER_EXISTS,
          },
          {
            'metadata.annotations.backstage.io/kubernetes-label-selector':
              CATALOG_FILTER_EXISTS,
          },
        ],
        fields: ['kind', 'metadata', 'apiVersion'],
      },
      { credentials },
    );
    return items;
  };
}
