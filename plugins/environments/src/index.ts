/**
 * Stageline Environments frontend plugin (legacy frontend system). The new frontend system
 * plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  environmentsPlugin,
  EntityEnvironmentsContent,
  EntityEnvironmentsCard,
  EntityEnvironmentsFleetCard,
  EntityDeliveryMetricsCard,
  EnvironmentsPage,
} from './plugin';
export { EntityEnvironmentsLink } from './components/EntityEnvironmentsLink';
export { isEnvironmentsAvailable } from './isEnvironmentsAvailable';
export { useDisplayNames } from './hooks/useDisplayNames';
export { environmentsApiRef } from './api/EnvironmentsApi';
export type { EnvironmentsApi } from './api/EnvironmentsApi';
export { EnvironmentsClient } from './api/EnvironmentsClient';
export { fleetApiRef } from './api/FleetApi';
export type { FleetApi, MetricsQuery } from './api/FleetApi';
export { FleetClient } from './api/FleetClient';
