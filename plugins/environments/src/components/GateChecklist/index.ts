export { GateChecklist } from './GateChecklist';
