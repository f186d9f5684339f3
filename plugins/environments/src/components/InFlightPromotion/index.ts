export { InFlightPromotion } from './InFlightPromotion';
