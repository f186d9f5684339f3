import { NotFoundError } from '@backstage/errors';
import { ResponseCache } from './ResponseCache';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ResponseCache', () => {
  it('serves fresh entries without fetching, then revalidates with the ETag', async () => {
    const time = clock();
    const cache = new ResponseCache<string>({ ttlMs: 1000, now: time.now });
    const fetch = jest
      .fn()
      .mockResolvedValueOnce({ value: 'v1', etag: '"a"' })
      .mockResolvedValueOnce({ notModified: true });

    await expect(cache.get('k', fetch)).resolves.toBe('v1');
    time.advance(999);
    await expect(cache.get('k', fetch)).resolves.toBe('v1');
    expect(fetch).toHaveBeenCalledTimes(1);

    time.advance(1);
    await expect(cache.get('k', fetch)).resolves.toBe('v1');
    expect(fetch).toHaveBeenLastCalledWith('"a"');
    // A 304 restarts freshness.
    time.advance(500);
    await expect(cache.get('k', fetch)).resolves.toBe('v1');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('shares one fetch between concurrent callers', async () => {
    const cache = new ResponseCache<string>({ ttlMs: 1000 });
    let resolve!: (v: { value: string }) => void;
    const fetch = jest.fn(
      () => new Promise<{ value: string }>(r => (resolve = r)),
    );
    const all = Promise.all([cache.get('k', fetch), cache.get('k', fetch)]);
    resolve({ value: 'v' });
    await expect(all).resolves.toEqual(['v', 'v']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    const cache = new ResponseCache<string>({ ttlMs: 1000, maxEntries: 2 });
    const fetch = jest.fn(async () => ({ value: 'v' }));
    await cache.get('a', fetch);
    await cache.get('b', fetch);
    await cache.get('a', fetch); // a is now the most recently used
    await cache.get('c', fetch); // evicts b
    expect(cache.size).toBe(2);
    fetch.mockClear();
    await cache.get('a', fetch);
    await cache.get('b', fetch);
    expect(fetch.mock.calls).toHaveLength(1);
  });

  it('remembers NotFoundError for the TTL but not other errors', async () => {
    const time = clock();
    const cache = new ResponseCache<string>({ ttlMs: 1000, now: time.now });
    const notFound = jest.fn().mockRejectedValue(new NotFoundError('gone'));
    await expect(cache.get('k', notFound)).rejects.toThrow('gone');
    await expect(cache.get('k', notFound)).rejects.toThrow('gone');
    expect(notFound).toHaveBeenCalledTimes(1);

    const failing = jest.fn().mockRejectedValue(new Error('boom'));
    await expect(cache.get('other', failing)).rejects.toThrow('boom');
    await expect(cache.get('other', failing)).rejects.toThrow('boom');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('does not send an ETag when it has no data for it', async () => {
    const cache = new ResponseCache<string>({ ttlMs: 0 });
    const fetch = jest
      .fn()
      .mockRejectedValueOnce(new NotFoundError('gone'))
      .mockResolvedValueOnce({ value: 'back', etag: '"b"' });
    await expect(cache.get('k', fetch)).rejects.toThrow();
    await expect(cache.get('k', fetch)).resolves.toBe('back');
    expect(fetch).toHaveBeenLastCalledWith(undefined);
  });
});
