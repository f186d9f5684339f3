import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readEnvironmentsConfig } from '../config/readEnvironmentsConfig';
import { DefaultGitRepositoryResolver } from '../gitops/DefaultGitRepositoryResolver';
import { ClusterStateStore } from '../kubernetes/ClusterStateStore';
import { readClusterDefinitions } from '../kubernetes/readClusterDefinitions';
import { resolveDefaultCluster } from '../kubernetes/resolveDefaultCluster';
import { EnvironmentsService } from './EnvironmentsService';
import { promotionStoreServiceRef } from './promotionStoreServiceRef';

/**
 * The read model, with its watch-backed cluster caches and cached Git repositories.
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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        promotionStore: promotionStoreServiceRef,
      },
      async factory({ catalog, config, logger, lifecycle, promotionStore }) {
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
        const repositories = DefaultGitRepositoryResolver.fromConfig(config, {
          cacheTtlMs: environmentsConfig.gitops.cacheTtlMs,
          branch: environmentsConfig.gitops.branch,
          clonesDirectory: environmentsConfig.gitops.clonesDirectory,
        });
        return EnvironmentsService.create({
          catalog,
          config: environmentsConfig,
          clusters: store,
          repositories,
          logger,
          overrides: promotionStore,
        });
      },
    }),
});
