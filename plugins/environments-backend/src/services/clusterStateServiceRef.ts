import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ClusterStateStore } from '../kubernetes/cache/ClusterStateStore';
import { readClusterDefinitions } from '../kubernetes/config/readClusterDefinitions';
import { resolveDefaultCluster } from '../kubernetes/resolveDefaultCluster';

/**
 * The watch-backed caches of every configured cluster: what runs where. Started with the plugin,
 * stopped at shutdown; the read model and previews read them, nothing else calls the clusters
 * to answer a view.
 */
export const clusterStateServiceRef = createServiceRef<ClusterStateStore>({
  id: 'environments.cluster-state',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async factory({ config, logger, lifecycle }) {
        const clusters = readClusterDefinitions(config, logger);
        const store = ClusterStateStore.create({
          clusters,
          logger,
          defaultCluster: resolveDefaultCluster(config, clusters),
        });
        await store.start();
        lifecycle.addShutdownHook(() => store.stop());
        return store;
      },
    }),
});
