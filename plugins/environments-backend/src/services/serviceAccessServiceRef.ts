import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ServiceAccess } from '../authorization/ServiceAccess';

/**
 * Which writes service principals may take (`environments.serviceAccess`), shared by the router,
 * the promotion service and the MCP actions. Invalid config fails the plugin's startup.
 *
 * @public
 */
export const serviceAccessServiceRef = createServiceRef<ServiceAccess>({
  id: 'environments.service-access',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        auditor: coreServices.auditor,
      },
      factory: ({ config, auditor }) =>
        ServiceAccess.fromConfig(config, { auditor }),
    }),
});
