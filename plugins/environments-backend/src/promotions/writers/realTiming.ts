import type { WriterTiming } from './WriterTiming';

/** Real time, for production. */
export const realTiming: WriterTiming = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
};
