import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { DeliveryMetricsService } from '../metrics/DeliveryMetricsService';
import { ProductionHistory } from '../metrics/ProductionHistory';
import { authorizationServiceRef } from './authorizationServiceRef';
import { environmentsConfigServiceRef } from './environmentsConfigServiceRef';
import { fleetServiceRef } from './fleetServiceRef';
import { promotionStoreServiceRef } from './promotionStoreServiceRef';

/** Delivery metrics from the promotion history, for the metrics route and MCP action. */
export const metricsServiceRef = createServiceRef<DeliveryMetricsService>({
  id: 'environments.metrics',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        database: coreServices.database,
        catalog: catalogServiceRef,
        authorization: authorizationServiceRef,
        config: environmentsConfigServiceRef,
        fleet: fleetServiceRef,
        // The promotion store migrates the tables the history reads; it is created first.
        store: promotionStoreServiceRef,
      },
      async factory({ database, fleet, store: _migrated, ...deps }) {
        return new DeliveryMetricsService({
          ...deps,
          fleet: fleet.fleet,
          history: new ProductionHistory(await database.getClient()),
        });
      },
    }),
});
