export { PromotionChain } from './PromotionChain';
