export { EntityMetricsCard } from './EntityMetricsCard';
