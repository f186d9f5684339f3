import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';
import { environmentsApi } from './apis';
import { entityEnvironmentsCard } from './entityCards';
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
    entityEnvironmentsContent,
    entityEnvironmentsCard,
  ],
  routes: { entityContent: rootRouteRef },
});
