import { formatDuration } from './formatDuration';
import { timeAgo } from './timeAgo';
import { timeUntil } from './timeUntil';

const now = Date.parse('2026-11-22T12:00:00Z');

describe('time formatting', () => {
  it('rounds durations to one unit', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12m');
    expect(formatDuration(5 * 3_600_000)).toBe('5h');
    expect(formatDuration(3 * 86_400_000)).toBe('3d');
  });

  it('says how long ago and how long until', () => {
    expect(timeAgo('2026-11-22T09:00:00Z', now)).toBe('3h ago');
    expect(timeUntil('2026-11-24T11:00:00Z', now)).toBe('in 47h');
    expect(timeUntil('2026-11-22T11:00:00Z', now)).toBe('expired');
    expect(timeAgo(undefined, now)).toBe('—');
    expect(timeUntil('not a date', now)).toBe('—');
  });
});
