export { StatusWord } from './StatusWord';
export type { StatusKind } from './StatusWord';
