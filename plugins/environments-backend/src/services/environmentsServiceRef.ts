import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createOwnershipGuard } from '../ownership/createOwnershipGuard';
import { listKubernetesEntities } from '../catalog/listKubernetesEntities';
import { clusterStateServiceRef } from './clusterStateServiceRef';
import { environmentsConfigServiceRef } from './environmentsConfigServiceRef';
import { EnvironmentsService } from '../readmodel/EnvironmentsService';
import { gitopsRepositoriesServiceRef } from './gitopsRepositoriesServiceRef';

/**
 * The read model: each service's environments from Git (through the repositories service) and
 * the cluster caches (through the cluster-state service).
 */
export const environmentsServiceRef = createServiceRef<EnvironmentsService>({
  id: 'environments.read-model',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: environmentsConfigServiceRef,
        logger: coreServices.logger,
        clusters: clusterStateServiceRef,
        repositories: gitopsRepositoriesServiceRef,
      },
      async factory({ catalog, auth, config, logger, clusters, ...deps }) {
        const { repositories } = deps;
        return EnvironmentsService.create({
          catalog,
          config,
          clusters,
          repositories,
          logger,
          guard: createOwnershipGuard({
            entries: config.ownership,
            repositories,
            listEntities: listKubernetesEntities(catalog, auth),
            overlaysPath: config.gitops.overlaysPath,
          }),
        });
      },
    }),
});
