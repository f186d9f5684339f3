import type { WriterTiming } from './WriterTiming';

/** A clock that sleeps instantly, moving its time forward, and remembers every sleep. */
export function fakeTiming(): WriterTiming & { sleeps: number[] } {
  let offset = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now() + offset,
    sleep: async ms => {
      sleeps.push(ms);
      offset += ms;
    },
  };
}
