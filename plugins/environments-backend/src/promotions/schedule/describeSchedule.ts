import type { PromotionSchedule } from '@stageline/plugin-environments-common';

/** A schedule in words, for state reasons and audit messages: "not before …, once no freeze …". */
export function describeSchedule(schedule: PromotionSchedule): string {
  const parts = [
    ...(schedule.notBefore ? [`not before ${schedule.notBefore}`] : []),
    ...(schedule.whenFreezeEnds ? ['once no freeze window is open'] : []),
  ];
  return `scheduled to run ${parts.join(', ')}`;
}
