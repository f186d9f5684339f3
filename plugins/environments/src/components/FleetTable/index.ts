export { FleetTable, lagText } from './FleetTable';
