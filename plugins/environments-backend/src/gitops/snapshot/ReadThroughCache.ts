import { SingleFlight } from '../SingleFlight';

/**
 * Answers of remote reads kept in memory, bounded (least recently used first out). An answer
 * marked immutable (for example a comparison of two full commit SHAs) is kept until evicted;
 * others only for `ttlMs`. Concurrent reads of a key share one request; failures are not kept.
 */
export class ReadThroughCache<T> {
  readonly #entries = new Map<string, { at: number; value: T }>();
  readonly #flights = new SingleFlight<T>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: {
    ttlMs: number;
    maxEntries?: number;
    now?: () => number;
  }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 2_000;
    this.#now = options.now ?? Date.now;
  }

  /** The kept answer for `key` without reading (undefined when none, or expired and mutable). */
  peek(key: string, options: { immutable?: boolean } = {}): T | undefined {
    const entry = this.#entries.get(key);
    if (entry && (options.immutable || this.#now() - entry.at < this.#ttlMs)) {
      return entry.value;
    }
    return undefined;
  }

  async get(
    key: string,
    read: () => Promise<T>,
    options: { immutable?: boolean } = {},
  ): Promise<T> {
    const entry = this.#entries.get(key);
    if (entry && (options.immutable || this.#now() - entry.at < this.#ttlMs)) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    return this.#flights.run(key, async () => {
      const value = await read();
      this.#entries.delete(key);
      this.#entries.set(key, { at: this.#now(), value });
      while (this.#entries.size > this.#maxEntries) {
        this.#entries.delete(this.#entries.keys().next().value!);
      }
      return value;
    });
  }
}
