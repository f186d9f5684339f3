export { PromotionStepper } from './PromotionStepper';
