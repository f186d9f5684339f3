export { DetailsToggle } from './DetailsToggle';
