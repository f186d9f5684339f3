import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AwaitingAcknowledgements } from '../fleet/AwaitingAcknowledgements';
import { AwaitingApprovals } from '../fleet/AwaitingApprovals';
import { FleetService } from '../fleet/FleetService';
import { authorizationServiceRef } from './authorizationServiceRef';
import { environmentsConfigServiceRef } from './environmentsConfigServiceRef';
import { environmentsServiceRef } from './environmentsServiceRef';
import { promotionStoreServiceRef } from './promotionStoreServiceRef';

/**
 * Every service's environments at once (the fleet), the promotions awaiting the caller's
 * approval and the break-glass promotions awaiting acknowledgement, from the read model's caches
 * and the promotion store.
 */
export const fleetServiceRef = createServiceRef<{
  fleet: FleetService;
  approvals: AwaitingApprovals;
  acknowledgements: AwaitingAcknowledgements;
}>({
  id: 'environments.fleet',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        catalog: catalogServiceRef,
        userInfo: coreServices.userInfo,
        authorization: authorizationServiceRef,
        readModel: environmentsServiceRef,
        store: promotionStoreServiceRef,
        config: environmentsConfigServiceRef,
      },
      factory: ({ config, ...deps }) => ({
        fleet: new FleetService({
          ...deps,
          chainCacheTtlMs: config.gitops.cacheTtlMs,
        }),
        approvals: new AwaitingApprovals({ ...deps, config }),
        acknowledgements: new AwaitingAcknowledgements(deps),
      }),
    }),
});
