import type { PromotionSchedule } from '@stageline/plugin-environments-common';

/** What the user chose under "Run later", as the form holds it. */
export type ScheduleChoice = {
  later: boolean;
  /** A `datetime-local` value: the user's local time, without a zone. */
  notBefore: string;
  whenFreezeEnds: boolean;
};

/**
 * The request's `schedule` for the choice, or a message for what is wrong with it. The local
 * time becomes an instant with its offset (UTC), so the backend and the user agree on it.
 */
export function scheduleOf(
  choice: ScheduleChoice,
  now: Date = new Date(),
): { schedule?: PromotionSchedule; problem?: string } {
  const schedule: PromotionSchedule = {};
  if (choice.later) {
    // A date-time without an offset is the user's local time.
    const at = new Date(choice.notBefore);
    if (!choice.notBefore || Number.isNaN(at.getTime())) {
      return { problem: 'Choose the date and time to run it at' };
    }
    if (at.getTime() <= now.getTime()) {
      return { problem: 'Choose a time in the future' };
    }
    schedule.notBefore = at.toISOString();
  }
  if (choice.whenFreezeEnds) schedule.whenFreezeEnds = true;
  return Object.keys(schedule).length ? { schedule } : {};
}
