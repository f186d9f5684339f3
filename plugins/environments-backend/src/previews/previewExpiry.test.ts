import { previewExpiry } from './previewExpiry';

const TTL = 10 * 3600_000;

describe('previewExpiry', () => {
  it('counts the TTL from the later of creation and pull request update', () => {
    expect(
      previewExpiry({
        createdAt: '2026-11-20T00:00:00Z',
        pullRequestUpdatedAt: '2026-11-20T05:00:00Z',
        ttlMs: TTL,
      })?.toISOString(),
    ).toBe('2026-11-20T15:00:00.000Z');
    expect(
      previewExpiry({
        createdAt: '2026-11-20T06:00:00Z',
        pullRequestUpdatedAt: '2026-11-20T05:00:00Z',
        ttlMs: TTL,
      })?.toISOString(),
    ).toBe('2026-11-20T16:00:00.000Z');
  });

  it('lets an extension move the expiry later, never earlier', () => {
    const base = { createdAt: '2026-11-20T00:00:00Z', ttlMs: TTL };
    expect(
      previewExpiry({
        ...base,
        extendedTo: '2026-11-21T00:00:00Z',
      })?.toISOString(),
    ).toBe('2026-11-21T00:00:00.000Z');
    expect(
      previewExpiry({
        ...base,
        extendedTo: '2026-11-20T01:00:00Z',
      })?.toISOString(),
    ).toBe('2026-11-20T10:00:00.000Z');
  });

  it('has no expiry without anything to count from, and ignores unparseable dates', () => {
    expect(previewExpiry({ ttlMs: TTL })).toBeUndefined();
    expect(
      previewExpiry({
        createdAt: 'yesterday',
        pullRequestUpdatedAt: '',
        ttlMs: TTL,
      }),
    ).toBeUndefined();
  });
});
