import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Authorization } from '../authorization/Authorization';
import { serviceAccessServiceRef } from './serviceAccessServiceRef';

/**
 * Who may read and write: service access, then the permission policy. Shared by the router, the
 * MCP actions and the promotion and preview services.
 */
export const authorizationServiceRef = createServiceRef<Authorization>({
  id: 'environments.authorization',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        permissions: coreServices.permissions,
        serviceAccess: serviceAccessServiceRef,
      },
      factory: deps => new Authorization(deps),
    }),
});
