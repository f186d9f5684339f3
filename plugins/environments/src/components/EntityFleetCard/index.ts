export { EntityFleetCard } from './EntityFleetCard';
