export { EnvironmentCard, environmentHeadingId } from './EnvironmentCard';
