export { AwaitingApprovalsList } from './AwaitingApprovalsList';
