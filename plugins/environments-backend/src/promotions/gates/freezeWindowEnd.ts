import type { FreezeWindow } from '../../config/Environment';
import { instantOfWallClock } from './instantOfWallClock';
import { wallClockIn } from './wallClockIn';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_MS = 86_400_000;

type WeeklyWindow = Extract<FreezeWindow, { from: string }>;

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The end of the occurrence of `window` that contains `now`, or undefined when `now` is outside
 * it. Weekly windows are read on the wall clock of their time zone, so they follow DST; one whose
 * `to` is not after `from` crosses midnight and belongs to the day it starts on.
 */
export function freezeWindowEnd(
  window: FreezeWindow,
  now: Date,
): Date | undefined {
  if ('start' in window) {
    const inside = window.start <= now && now < window.end;
    return inside ? window.end : undefined;
  }
  return weeklyWindowEnd(window, now);
}

function weeklyWindowEnd(window: WeeklyWindow, now: Date): Date | undefined {
  const wall = wallClockIn(now, window.timeZone);
  const minute = wall.hour * 60 + wall.minute;
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  const startsOn = (weekday: number) =>
    window.days.length === 0 || window.days.includes(DAY_NAMES[weekday]);
  const today = wall.weekday;
  const yesterday = (today + 6) % 7;
  let endsDaysLater: number | undefined;
  if (from < to) {
    if (startsOn(today) && from <= minute && minute < to) endsDaysLater = 0;
  } else if (startsOn(today) && minute >= from) {
    endsDaysLater = 1;
  } else if (startsOn(yesterday) && minute < to) {
    endsDaysLater = 0;
  }
  if (endsDaysLater === undefined) return undefined;
  const endDate = new Date(
    Date.UTC(wall.year, wall.month - 1, wall.day) + endsDaysLater * DAY_MS,
  );
  return instantOfWallClock(
    {
      year: endDate.getUTCFullYear(),
      month: endDate.getUTCMonth() + 1,
      day: endDate.getUTCDate(),
      hour: Math.floor(to / 60),
      minute: to % 60,
    },
    window.timeZone,
  );
}
