export { ConfirmDialog } from './ConfirmDialog';
export { TitledDialog } from './TitledDialog';
