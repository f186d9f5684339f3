export { PolledSection } from './PolledSection';
