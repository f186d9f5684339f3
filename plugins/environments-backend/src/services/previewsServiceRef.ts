import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readEnvironmentsConfig } from '../config/readEnvironmentsConfig';
import { ClusterWriter } from '../kubernetes/ClusterWriter';
import { readClusterDefinitions } from '../kubernetes/readClusterDefinitions';
import { PreviewService } from '../previews/PreviewService';
import type { EntityContext } from '../readmodel/EntityContext';
import { resolveEntityContext } from '../readmodel/resolveEntityContext';
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
        store: promotionStoreServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async factory({ environments, store, catalog, auth, config, logger }) {
        const environmentsConfig = readEnvironmentsConfig(config);
        const overlaysPath = environmentsConfig.gitops.overlaysPath;
        async function listServices(): Promise<EntityContext[]> {
          const { items } = await catalog.getEntities(
            {
              filter: {
                'metadata.annotations.backstage.io/kubernetes-id':
                  CATALOG_FILTER_EXISTS,
              },
            },
            { credentials: await auth.getOwnServiceCredentials() },
          );
          return items.flatMap(entity => {
            try {
              return [resolveEntityContext(entity, { overlaysPath })];
            } catch {
              return [];
            }
          });
        }
        return new PreviewService({
          clusters: environments.clusterState(),
          deleter: ClusterWriter.create({
            clusters: readClusterDefinitions(config, logger),
          }),
          overrides: store,
          audit: store,
          getPullRequest: async (ctx, number) =>
            environments.sourceRepository(ctx)?.getPullRequest(number),
          listServices,
          config: {
            ...environmentsConfig.previews,
            chains: environmentsConfig.chains,
          },
          logger,
        });
      },
    }),
});
