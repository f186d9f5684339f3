import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { environmentsPermissions } from '@stageline/plugin-environments-common';
import { createRouter } from './router';
import { environmentsServiceRef } from './services/environmentsServiceRef';

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
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        environments: environmentsServiceRef,
      },
      async init({
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        environments,
      }) {
        permissionsRegistry.addPermissions(environmentsPermissions);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(
          await createRouter({ httpAuth, permissions, environments }),
        );
      },
    });
  },
});
