export { PromoteDialog } from './PromoteDialog';
