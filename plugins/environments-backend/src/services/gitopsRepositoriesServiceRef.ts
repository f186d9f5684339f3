import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { readEnvironmentsConfig } from '../config/readEnvironmentsConfig';
import { GitopsRepositories } from '../gitops/GitopsRepositories';
import { subscribeToPushes } from '../gitops/subscribeToPushes';

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
          logger: coreServices.logger,
          events: eventsServiceRef,
        },
        async factory({ config, logger, events }) {
          const { gitops } = readEnvironmentsConfig(config);
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
