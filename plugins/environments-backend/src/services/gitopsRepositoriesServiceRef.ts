import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { GitopsRepositories } from '../gitops/repositories/GitopsRepositories';
import { subscribeToPushes } from '../gitops/repositories/subscribeToPushes';
import { environmentsConfigServiceRef } from './environmentsConfigServiceRef';

/**
 * GitOps and source repositories: which ones config allows, their snapshots, and push events.
 * The read model, promotions, previews and the reaper all read Git through it.
 *
 * @public
 */
export const gitopsRepositoriesServiceRef =
  createServiceRef<GitopsRepositories>({
    id: 'environments.gitops-repositories',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          environmentsConfig: environmentsConfigServiceRef,
          logger: coreServices.logger,
          events: eventsServiceRef,
        },
        async factory({ config, environmentsConfig, logger, events }) {
          const { gitops } = environmentsConfig;
          const repositories = GitopsRepositories.fromConfig(config, {
            cacheTtlMs: gitops.cacheTtlMs,
            branch: gitops.branch,
            clonesDirectory: gitops.clonesDirectory,
            logger,
          });
          await subscribeToPushes({
            events,
            logger,
            onPush: push => repositories.markPushed(push),
          });
          return repositories;
        },
      }),
  });
