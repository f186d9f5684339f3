import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { FleetService } from '../fleet/FleetService';
import type { DeliveryMetricsService } from '../metrics/DeliveryMetricsService';
import { createGetDeliveryMetricsAction } from './createGetDeliveryMetricsAction';
import { createGetFleetStatusAction } from './createGetFleetStatusAction';

/** The actions across services: the fleet's status and delivery metrics. */
export function registerFleetActions(options: {
  actionsRegistry: ActionsRegistryService;
  fleet: FleetService;
  metrics: DeliveryMetricsService;
}) {
  createGetFleetStatusAction(options);
  createGetDeliveryMetricsAction(options);
}
