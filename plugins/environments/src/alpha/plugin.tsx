import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { fleetRouteRef, rootRouteRef } from '../routes';
import { environmentsApi, fleetApi } from './apis';
import {
  entityEnvironmentsCard,
  entityEnvironmentsFleetCard,
  entityEnvironmentsMetricsCard,
} from './entityCards';
import { environmentsPage } from './fleetPage';
import { entityEnvironmentsContent } from './entityContents';

/**
 * The Environments plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'environments',
  title: 'Environments',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    environmentsApi,
    fleetApi,
    entityEnvironmentsContent,
    entityEnvironmentsCard,
    entityEnvironmentsFleetCard,
    entityEnvironmentsMetricsCard,
    environmentsPage,
  ],
  routes: { entityContent: rootRouteRef, fleet: fleetRouteRef },
});
