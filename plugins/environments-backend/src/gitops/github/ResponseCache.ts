import { NotFoundError } from '@backstage/errors';
import { SingleFlight } from '../SingleFlight';

/** What a conditional fetch produced. */
export type ConditionalResult<T> =
  | { notModified: true }
  | { notModified?: false; value: T; etag?: string };

type Entry<T> = {
  fetchedAt: number;
  etag?: string;
  value?: T;
  /** A remembered 404, so absent files cost no request within the TTL either. */
  notFound?: NotFoundError;
};

/**
 * An in-memory, size-bounded (least recently used) cache of HTTP responses keyed by URL.
 * Within `ttlMs` a key is served from memory with no request; after that it is revalidated with
 * its ETag, and a 304 keeps the cached value. Concurrent misses of a key share one request.
 */
export class ResponseCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #flights = new SingleFlight<T>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: {
    ttlMs: number;
    maxEntries?: number;
    now?: () => number;
  }) {
    this.#ttlMs = options.ttlMs;
    // A page view reads ~3 entries per environment; 50,000 holds thousands of services x 4
    // environments. Cycling through more entries than the bound would make every read a miss.
    this.#maxEntries = options.maxEntries ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  get size() {
    return this.#entries.size;
  }

  /** The value of `key`, fetching it with `fetch(etag)` when missing or stale. */
  async get(
    key: string,
    fetch: (etag?: string) => Promise<ConditionalResult<T>>,
  ): Promise<T> {
    const entry = this.#touch(key);
    if (entry && this.#now() - entry.fetchedAt < this.#ttlMs) {
      return this.#serve(entry);
    }
    return this.#flights.run(key, () => this.#refresh(key, entry, fetch));
  }

  async #refresh(
    key: string,
    entry: Entry<T> | undefined,
    fetch: (etag?: string) => Promise<ConditionalResult<T>>,
  ): Promise<T> {
    let result: ConditionalResult<T>;
    try {
      result = await fetch(entry?.value !== undefined ? entry.etag : undefined);
    } catch (error) {
      if (error instanceof NotFoundError) {
        this.#store(key, { fetchedAt: this.#now(), notFound: error });
      }
      throw error;
    }
    if (result.notModified) {
      if (entry?.value === undefined) {
        throw new Error(
          `Got 304 Not Modified for ${key} without a cached response`,
        );
      }
      this.#store(key, { ...entry, fetchedAt: this.#now() });
      return entry.value;
    }
    this.#store(key, {
      fetchedAt: this.#now(),
      etag: result.etag,
      value: result.value,
    });
    return result.value;
  }

  #serve(entry: Entry<T>): T {
    if (entry.notFound) throw entry.notFound;
    return entry.value as T;
  }

  // Moves a key to the most recently used end of the map.
  #touch(key: string): Entry<T> | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  #store(key: string, entry: Entry<T>) {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }
}
