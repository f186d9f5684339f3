export { Timestamp, exactTime } from './Timestamp';
