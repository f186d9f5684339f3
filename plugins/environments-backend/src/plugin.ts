import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { environmentsPermissions } from '@stageline/plugin-environments-common';
import { registerActions } from './actions/registerActions';
import { registerFleetActions } from './actions/registerFleetActions';
import { createRouter } from './router';
import { createFleetRouter } from './routes/createFleetRouter';
import { authorizationServiceRef } from './services/authorizationServiceRef';
import { environmentsConfigServiceRef } from './services/environmentsConfigServiceRef';
import { environmentViewServiceRef } from './services/environmentViewServiceRef';
import { environmentsServiceRef } from './services/environmentsServiceRef';
import { fleetServiceRef } from './services/fleetServiceRef';
import { metricsServiceRef } from './services/metricsServiceRef';
import { CallerBudget } from './authorization/CallerBudget';
import { previewsServiceRef } from './services/previewsServiceRef';
import { promotionsServiceRef } from './services/promotionsServiceRef';

/**
 * The Stageline environments backend plugin.
 *
 * @public
 */
export const environmentsPlugin = createBackendPlugin({
  pluginId: 'environments',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        actionsRegistry: actionsRegistryServiceRef,
        environments: environmentsServiceRef,
        view: environmentViewServiceRef,
        promotions: promotionsServiceRef,
        previews: previewsServiceRef,
        authorization: authorizationServiceRef,
        config: environmentsConfigServiceRef,
        fleet: fleetServiceRef,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const { httpRouter, permissionsRegistry, scheduler, promotions } = deps;
        permissionsRegistry.addPermissions(environmentsPermissions);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // One budget for the routes and the MCP actions, so neither is a way around the other.
        const githubReads = new CallerBudget(
          deps.config.rateLimits.githubReads,
        );
        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            authorization: deps.authorization,
            environments: deps.environments,
            view: deps.view,
            promotions: promotions.service,
            previews: deps.previews,
            githubReads,
          }),
        );
        httpRouter.use(
          await createFleetRouter({
            httpAuth: deps.httpAuth,
            fleet: deps.fleet.fleet,
            approvals: deps.fleet.approvals,
            acknowledgements: deps.fleet.acknowledgements,
            metrics: deps.metrics,
          }),
        );
        registerActions({
          actionsRegistry: deps.actionsRegistry,
          authorization: deps.authorization,
          environments: deps.environments,
          view: deps.view,
          promotions: promotions.service,
          githubReads,
        });
        registerFleetActions({
          actionsRegistry: deps.actionsRegistry,
          fleet: deps.fleet.fleet,
          metrics: deps.metrics,
        });
        // Global scope: one instance at a time advances promotions; leases guard the rest.
        await scheduler.scheduleTask({
          id: 'environments-advance-promotions',
          frequency: { seconds: 5 },
          timeout: { minutes: 5 },
          scope: 'global',
          fn: () => promotions.engine.advanceAll(),
        });
        const { reaper } = deps.config.previews;
        if (reaper.enabled) {
          await scheduler.scheduleTask({
            id: 'environments-preview-reaper',
            frequency: { milliseconds: reaper.frequencyMs },
            timeout: { minutes: 10 },
            initialDelay: { minutes: 1 },
            scope: 'global',
            fn: async () => {
              await deps.previews.reap();
            },
          });
        }
      },
    });
  },
});
