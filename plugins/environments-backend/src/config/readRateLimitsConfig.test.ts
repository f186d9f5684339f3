import { ConfigReader } from '@backstage/config';
import { readRateLimitsConfig } from './readRateLimitsConfig';

function read(githubReads: unknown) {
  return readRateLimitsConfig(
    new ConfigReader({ environments: { rateLimits: { githubReads } } } as any),
  );
}

describe('readRateLimitsConfig', () => {
  it('allows each caller 60 GitHub reads a minute by default', () => {
    expect(readRateLimitsConfig(new ConfigReader({}))).toEqual({
      githubReads: { limit: 60, windowMs: 60_000 },
    });
  });

  it('reads the limit and the window', () => {
    expect(read({ limit: 200, window: '1h' })).toEqual({
      githubReads: { limit: 200, windowMs: 3_600_000 },
    });
  });

  it('keeps the default for a key left out', () => {
    expect(read({ limit: 10 })).toEqual({
      githubReads: { limit: 10, windowMs: 60_000 },
    });
    expect(read({ window: '30s' })).toEqual({
      githubReads: { limit: 60, windowMs: 30_000 },
    });
  });

  it.each([
    [{ limit: 0 }, 'limit', 'greater than 0'],
    [{ limit: -5 }, 'limit', 'greater than 0'],
    [{ limit: 1.5 }, 'limit', 'integer'],
    [{ limit: 'lots' }, 'limit', 'number'],
    [{ window: 'hourly' }, 'window', 'not a duration'],
    [{ window: '500ms' }, 'window', 'at least 1s'],
    [{ window: '2d' }, 'window', 'at most 24h'],
    [{ limt: 10 }, '', 'limt'],
  ])('rejects %j naming the key', (githubReads, key, message) => {
    const path = ['environments.rateLimits.githubReads', key].filter(Boolean);
    expect(() => read(githubReads)).toThrow(
      `Invalid config at '${path.join('.')}': `,
    );
    expect(() => read(githubReads)).toThrow(message);
  });

  it('rejects an unknown budget name', () => {
    expect(() =>
      readRateLimitsConfig(
        new ConfigReader({
          environments: { rateLimits: { githubWrites: { limit: 1 } } },
        }),
      ),
    ).toThrow(/Invalid config at 'environments.rateLimits': .*githubWrites/);
  });
});
