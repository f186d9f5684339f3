export { PolledContent } from './PolledContent';
