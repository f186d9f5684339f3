export { WaitingFor } from './WaitingFor';
