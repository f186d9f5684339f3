/** Runs at most one call per key at a time; concurrent callers of a key share its promise. */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  run(key: string, fn: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const promise = fn().finally(() => this.#running.delete(key));
    this.#running.set(key, promise);
    return promise;
  }
}
