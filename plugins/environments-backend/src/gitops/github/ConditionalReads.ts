/**
 * The last answer and ETag of each conditional read a caller makes, so a `304 Not Modified`
 * (which GitHub does not count against the rate limit) is answered with the kept value.
 */
export class ConditionalReads {
  readonly #entries = new Map<string, { etag?: string; data: unknown }>();

  async get<T>(
    key: string,
    read: (
      etag: string | undefined,
    ) => Promise<{ status: number; data: T; headers: { etag?: string } }>,
  ): Promise<T> {
    const entry = this.#entries.get(key);
    const response = await read(entry?.etag);
    if (response.status === 304 && entry) return entry.data as T;
    this.#entries.set(key, {
      etag: response.headers.etag,
      data: response.data,
    });
    return response.data;
  }
}
