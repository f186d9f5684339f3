import { timeAgo } from './timeAgo';
import { timeUntil } from './timeUntil';

const now = Date.parse('2026-11-22T12:00:00Z');

describe('time formatting', () => {
  it('says how long ago and how long until', () => {
    expect(timeAgo('2026-11-22T09:00:00Z', now)).toBe('3h ago');
    expect(timeAgo('2026-11-22T08:54:30Z', now)).toBe('3h 5m ago');
    expect(timeAgo('2026-11-22T11:59:15Z', now)).toBe('45s ago');
    expect(timeUntil('2026-11-24T11:00:00Z', now)).toBe('in 1d 23h');
    expect(timeUntil('2026-11-22T11:00:00Z', now)).toBe('expired');
    expect(timeAgo(undefined, now)).toBe('—');
    expect(timeUntil('not a date', now)).toBe('—');
  });
});
