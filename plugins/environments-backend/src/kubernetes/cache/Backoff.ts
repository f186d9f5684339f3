/** Restart delays: doubling from `initialMs` up to `maxMs`. */
export type Backoff = { initialMs: number; maxMs: number };
