export { EntityEnvironmentsLink } from './EntityEnvironmentsLink';
