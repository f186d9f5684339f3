import {
  createApiFactory,
  createPlugin,
  createComponentExtension,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { environmentsApiRef } from './api/EnvironmentsApi';
import { EnvironmentsClient } from './api/EnvironmentsClient';
import { fleetApiRef } from './api/FleetApi';
import { FleetClient } from './api/FleetClient';
import { fleetRouteRef, rootRouteRef } from './routes';

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
    createApiFactory({
      api: fleetApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new FleetClient(deps),
    }),
  ],
  routes: { entityContent: rootRouteRef, fleet: fleetRouteRef },
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

/**
 * The Environments page (every service's environments, promotions awaiting the user's approval,
 * delivery metrics), for a `Route` in legacy apps, e.g. `path="/environments"`.
 *
 * @public
 */
export const EnvironmentsPage = environmentsPlugin.provide(
  createRoutableExtension({
    name: 'EnvironmentsPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: fleetRouteRef,
  }),
);

/**
 * The environments of a System's or Group's components, for their overview pages in legacy apps
 * (show it where `isKind('system')` or `isKind('group')`).
 *
 * @public
 */
export const EntityEnvironmentsFleetCard = environmentsPlugin.provide(
  createComponentExtension({
    name: 'EntityEnvironmentsFleetCard',
    component: {
      lazy: () =>
        import('./components/EntityFleetCard').then(m => m.EntityFleetCard),
    },
  }),
);

/**
 * Delivery metrics (deployment frequency, lead time, change failure rate, time to restore) of a
 * service, or of a System's or Group's components, for their overview pages in legacy apps.
 *
 * @public
 */
export const EntityDeliveryMetricsCard = environmentsPlugin.provide(
  createComponentExtension({
    name: 'EntityDeliveryMetricsCard',
    component: {
      lazy: () =>
        import('./components/EntityMetricsCard').then(m => m.EntityMetricsCard),
    },
  }),
);
