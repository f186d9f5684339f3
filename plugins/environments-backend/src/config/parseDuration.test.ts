import { parseDuration } from './parseDuration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['72h', 259_200_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['2d', 172_800_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration('k', text)).toBe(ms);
  });

  it.each(['', '10', 'h', '10x', '1h foo', '-5m'])(
    'rejects %j naming the key',
    text => {
      expect(() => parseDuration('environments.previews.ttl', text)).toThrow(
        /environments\.previews\.ttl/,
      );
    },
  );
});
