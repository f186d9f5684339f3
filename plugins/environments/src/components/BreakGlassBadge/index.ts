export { BreakGlassBadge } from './BreakGlassBadge';
