import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ClusterWriter } from '../kubernetes/writer/ClusterWriter';
import { readClusterDefinitions } from '../kubernetes/config/readClusterDefinitions';
import { PreviewService } from '../previews/PreviewService';
import type { EntityContext } from '../catalog/EntityContext';
import { listKubernetesEntities } from '../catalog/listKubernetesEntities';
import { resolveEntityContext } from '../catalog/resolveEntityContext';
import { clusterStateServiceRef } from './clusterStateServiceRef';
import { environmentsConfigServiceRef } from './environmentsConfigServiceRef';
import { environmentsServiceRef } from './environmentsServiceRef';
import { promotionStoreServiceRef } from './promotionStoreServiceRef';

/**
 * The preview lifecycle: the reaper and keep, extend and delete.
 *
 * @public
 */
export const previewsServiceRef = createServiceRef<PreviewService>({
  id: 'environments.previews',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        environments: environmentsServiceRef,
        clusters: clusterStateServiceRef,
        store: promotionStoreServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        environmentsConfig: environmentsConfigServiceRef,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
      },
      async factory(deps) {
        const { environments, store, catalog, auth, config, logger } = deps;
        const { environmentsConfig } = deps;
        const overlaysPath = environmentsConfig.gitops.overlaysPath;
        async function listServices(): Promise<EntityContext[]> {
          const items = await listKubernetesEntities(catalog, auth)();
          return items.flatMap(entity => {
            try {
              return [resolveEntityContext(entity, { overlaysPath })];
            } catch {
              return [];
            }
          });
        }
        return new PreviewService({
          clusters: deps.clusters,
          deleter: ClusterWriter.create({
            clusters: readClusterDefinitions(config, logger),
          }),
          overrides: store,
          audit: store,
          owners: environments,
          getPullRequest: (ctx, number) =>
            environments.getPullRequest(ctx, number),
          listServices,
          config: {
            ...environmentsConfig.previews,
            chains: environmentsConfig.chains,
          },
          logger,
          // For a namespace that also holds other services' workloads: permissions on each.
          permissions: deps.permissions,
        });
      },
    }),
});
