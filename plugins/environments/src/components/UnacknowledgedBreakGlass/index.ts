export { UnacknowledgedBreakGlass } from './UnacknowledgedBreakGlass';
