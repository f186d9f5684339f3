import { wallClockIn } from './wallClockIn';

// How far the zone's wall clock is ahead of UTC at `instant`, in ms.
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockIn(new Date(instant), timeZone);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` shows the given date and time (`hour` 24 is the next
 * midnight). Corrects the offset once more when a DST change lies between, so a time skipped by
 * spring-forward lands just after the change.
 */
export function instantOfWallClock(
  wall: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
  },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
  );
  const guess = offsetAt(asUtc, timeZone);
  const corrected = offsetAt(asUtc - guess, timeZone);
  return new Date(asUtc - corrected);
}
