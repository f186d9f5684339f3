export { MetricsView } from './MetricsView';
