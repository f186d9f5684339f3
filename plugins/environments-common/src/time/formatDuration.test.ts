import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [-5_000, '0s'],
    [45_000, '45s'],
    [600_000, '10m'],
    [34 * 60_000 + 12_000, '34m 12s'],
    [5_400_000, '1h 30m'],
    [3_600_000 + 59_000, '1h'],
    [86_400_000, '1d'],
    [90_000_000, '1d 1h'],
    [47 * 3_600_000, '1d 23h'],
    [3 * 86_400_000 + 59 * 60_000, '3d'],
    [12 * 60_000 + 5_400, '12m 5s'],
  ])('shows %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
