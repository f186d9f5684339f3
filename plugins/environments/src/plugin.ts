import {
  createApiFactory,
  createPlugin,
  createComponentExtension,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { environmentsApiRef } from './api/EnvironmentsApi';
import { EnvironmentsClient } from './api/EnvironmentsClient';
import { rootRouteRef } from './routes';

/**
 * The Environments plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const environmentsPlugin = createPlugin({
  id: 'environments',
  apis: [
    createApiFactory({
      api: environmentsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new EnvironmentsClient(deps),
    }),
  ],
  routes: { entityContent: rootRouteRef },
});

/**
 * The Environments entity tab, for `EntityLayout.Route` in legacy apps.
 *
 * @public
 */
export const EntityEnvironmentsContent = environmentsPlugin.provide(
  createRoutableExtension({
    name: 'EntityEnvironmentsContent',
    component: () =>
      import('./components/EnvironmentsContent').then(
        m => m.EnvironmentsContent,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Environments overview card, for an entity's overview page in legacy apps.
 *
 * @public
 */
export const EntityEnvironmentsCard = environmentsPlugin.provide(
  createComponentExtension({
    name: 'EntityEnvironmentsCard',
    component: {
      lazy: () =>
        import('./components/EntityEnvironmentsCard').then(
          m => m.EntityEnvironmentsCard,
        ),
    },
  }),
);
