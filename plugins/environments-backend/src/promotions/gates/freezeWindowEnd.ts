import { DateTime } from 'luxon';
import type { FreezeWindow } from '../../config/Environment';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DAY_MINUTES = 24 * 60;

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
  const wall = DateTime.fromJSDate(now, { zone: window.timeZone });
  const minute = wall.hour * 60 + wall.minute;
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  const startsOn = (weekday: number) =>
    window.days.length === 0 || window.days.includes(DAY_NAMES[weekday]);
  // Luxon counts Monday 1 to Sunday 7; DAY_NAMES starts on Sunday.
  const today = wall.weekday % 7;
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
  // Calendar arithmetic on the date alone: the time of day of `now` plays no part.
  const endDate = DateTime.utc(wall.year, wall.month, wall.day).plus({
    days: endsDaysLater + Math.floor(to / DAY_MINUTES),
  });
  return atWallClock(endDate, to % DAY_MINUTES, window.timeZone);
}

/**
 * The instant the wall clock in `timeZone` shows `minutes` after midnight of `date`. A time
 * skipped by spring-forward lands just after the change (02:30 becomes 03:30); a time shown
 * twice in autumn is its later occurrence, so the window lasts until the clock has shown it.
 */
function atWallClock(date: DateTime, minutes: number, timeZone: string): Date {
  const time = DateTime.fromObject(
    {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone: timeZone },
  );
  const latest = Math.max(
    time.toMillis(),
    ...time.getPossibleOffsets().map(candidate => candidate.toMillis()),
  );
  return new Date(latest);
}
