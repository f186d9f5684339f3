import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readEnvironmentsConfig } from '../config/readEnvironmentsConfig';
import { ClusterStateStore } from '../kubernetes/ClusterStateStore';
import { readClusterDefinitions } from '../kubernetes/readClusterDefinitions';
import { resolveDefaultCluster } from '../kubernetes/resolveDefaultCluster';
import { createOwnershipGuard } from '../ownership/createOwnershipGuard';
import { listKubernetesEntities } from '../readmodel/listKubernetesEntities';
import { EnvironmentsService } from './EnvironmentsService';
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
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        promotionStore: promotionStoreServiceRef,
        repositories: gitopsRepositoriesServiceRef,
      },
      async factory({
        catalog,
        auth,
        config,
        logger,
        lifecycle,
        promotionStore,
        repositories,
      }) {
        // Invalid config throws here, so the backend fails at startup naming the key.
        const environmentsConfig = readEnvironmentsConfig(config);
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
