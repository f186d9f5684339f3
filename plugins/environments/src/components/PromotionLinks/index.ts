export { PromotionLinks } from './PromotionLinks';
