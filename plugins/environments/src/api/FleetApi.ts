import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AwaitingAcknowledgementsResponse,
  AwaitingApprovalsResponse,
  DeliveryMetrics,
  FleetQuery,
  FleetResponse,
} from '@stageline/plugin-environments-common';

/**
 * Whose delivery metrics, over which period: exactly one of `entityRef`, `system` or `group`
 * (entity refs), `from` and `to` ISO 8601 (default: the last 28 days).
 *
 * @public
 */
export type MetricsQuery = {
  entityRef?: string;
  system?: string;
  group?: string;
  from?: string;
  to?: string;
};

/**
 * Client for the routes across services: the fleet, the approvals awaiting the signed-in user,
 * the break-glass promotions awaiting acknowledgement, and delivery metrics.
 *
 * @public
 */
export interface FleetApi {
  getFleet(query: FleetQuery): Promise<FleetResponse>;
  getAwaitingApprovals(): Promise<AwaitingApprovalsResponse>;
  /** The unacknowledged break-glass promotions of every service the user may read, newest first. */
  getAwaitingAcknowledgements(): Promise<AwaitingAcknowledgementsResponse>;
  getMetrics(query: MetricsQuery): Promise<DeliveryMetrics>;
  /** The weekly series of the metrics as CSV text. */
  getMetricsCsv(query: MetricsQuery): Promise<string>;
}

/**
 * API reference for {@link FleetApi}; serves both frontend systems.
 *
 * @public
 */
export const fleetApiRef = createApiRef<FleetApi>({
  id: 'plugin.environments.fleet',
});
