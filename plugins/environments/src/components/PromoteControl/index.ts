export { PromoteControl } from './PromoteControl';
