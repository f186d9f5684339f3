/** Time as the writers see it: injectable so tests of retries and rate limits run instantly. */
export type WriterTiming = {
  now(): number;
  sleep(ms: number): Promise<void>;
};
