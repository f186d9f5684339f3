export { AwaitingAcknowledgementList } from './AwaitingAcknowledgementList';
