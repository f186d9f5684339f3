export { PromotionDetailPage } from './PromotionDetailPage';
