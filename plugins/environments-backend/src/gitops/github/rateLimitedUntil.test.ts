import { rateLimitedUntil } from './rateLimitedUntil';

const NOW = 1_700_000_000_000;

function error(status: number, headers: Record<string, string>, message = 'x') {
  return Object.assign(new Error(message), {
    name: 'HttpError',
    status,
    response: { headers },
  });
}

describe('rateLimitedUntil', () => {
  it.each([
    [
      'primary 403',
      error(403, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1700000100',
      }),
      1_700_000_100_000,
    ],
    [
      'primary 429',
      error(429, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1700000100',
      }),
      1_700_000_100_000,
    ],
    [
      'secondary with retry-after',
      error(403, { 'retry-after': '30' }),
      NOW + 30_000,
    ],
    ['secondary 429 without headers', error(429, {}), NOW + 60_000],
    [
      'secondary by message',
      error(403, {}, 'You have exceeded a secondary rate limit'),
      NOW + 60_000,
    ],
  ])('reads %s', (_, err, until) => {
    expect(rateLimitedUntil(err, NOW)).toBe(until);
  });

  it.each([
    ['a plain 403', error(403, { 'x-ratelimit-remaining': '12' })],
    ['a 404', error(404, { 'x-ratelimit-remaining': '0' })],
    ['a 500', error(500, { 'retry-after': '5' })],
  ])('ignores %s', (_, err) => {
    expect(rateLimitedUntil(err, NOW)).toBeUndefined();
  });
});
