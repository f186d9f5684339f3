import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ClusterStateStore } from '../kubernetes/ClusterStateStore';
import { readClusterDefinitions } from '../kubernetes/readClusterDefinitions';
import { resolveDefaultCluster } from '../kubernetes/resolveDefaultCluster';
import { createOwnershipGuard } from '../ownership/createOwnershipGuard';
import { listKubernetesEntities } from '../readmodel/listKubernetesEntities';
import { EnvironmentsService } from './EnvironmentsService';
import { environmentsConfigServiceRef } from './environmentsConfigServiceRef';
import { gitopsRepositoriesServiceRef } from './gitopsRepositoriesServiceRef';
import { promotionStoreServiceRef } from './promotionStoreServiceRef';

/**
 * The read model, with its watch-backed cluster caches, reading Git through the repositories service.
 *
 * @public
 */
export const environmentsServiceRef = createServiceRef<EnvironmentsService>({
  id: 'environments.read-model',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        environmentsConfig: environmentsConfigServiceRef,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        promotionStore: promotionStoreServiceRef,
        repositories: gitopsRepositoriesServiceRef,
      },
      async factory({
        catalog,
        auth,
        config,
        environmentsConfig,
        logger,
        lifecycle,
        promotionStore,
        repositories,
      }) {
        const clusters = readClusterDefinitions(config, logger);
        const store = ClusterStateStore.create({
          clusters,
          logger,
          defaultCluster: resolveDefaultCluster(config, clusters),
        });
        await store.start();
        lifecycle.addShutdownHook(() => store.stop());
        return EnvironmentsService.create({
          catalog,
          config: environmentsConfig,
          clusters: store,
          repositories,
          logger,
          guard: createOwnershipGuard({
            entries: environmentsConfig.ownership,
            repositories,
            listEntities: listKubernetesEntities(catalog, auth),
            overlaysPath: environmentsConfig.gitops.overlaysPath,
          }),
          overrides: promotionStore,
        });
      },
    }),
});
