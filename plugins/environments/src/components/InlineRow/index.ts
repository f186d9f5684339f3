export { InlineRow } from './InlineRow';
