import { SingleFlight } from '../SingleFlight';
import type { GitComparison } from '../types';

const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * Commits between two versions, shared by all repositories. Comparisons of two full commit
 * SHAs never change, so they are kept (least recently used first out); others (short SHAs)
 * only for `ttlMs`. Failures are not kept.
 */
export class ComparisonCache {
  readonly #entries = new Map<string, { at: number; value: GitComparison }>();
  readonly #flights = new SingleFlight<GitComparison>();
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

  async get(
    repository: string,
    from: string,
    to: string,
    compare: () => Promise<GitComparison>,
  ): Promise<GitComparison> {
    const key = `${repository}\n${from}\n${to}`;
    const entry = this.#entries.get(key);
    const immutable = FULL_SHA.test(from) && FULL_SHA.test(to);
    if (entry && (immutable || this.#now() - entry.at < this.#ttlMs)) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    return this.#flights.run(key, async () => {
      const value = await compare();
      this.#entries.set(key, { at: this.#now(), value });
      while (this.#entries.size > this.#maxEntries) {
        this.#entries.delete(this.#entries.keys().next().value!);
      }
      return value;
    });
  }
}
