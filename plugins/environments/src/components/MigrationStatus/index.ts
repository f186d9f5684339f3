export { MigrationStatus } from './MigrationStatus';
