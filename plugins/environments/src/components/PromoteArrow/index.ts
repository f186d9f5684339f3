export { PromoteArrow } from './PromoteArrow';
