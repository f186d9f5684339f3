import type { FreezeWindow } from '../../config/Environment';
import { isInFreezeWindow } from './isInFreezeWindow';

const at = (iso: string) => new Date(iso);

function weekly(
  window: Partial<Extract<FreezeWindow, { from: string }>>,
): FreezeWindow {
  return { days: [], from: '09:00', to: '17:00', timeZone: 'UTC', ...window };
}

describe('isInFreezeWindow', () => {
  const holidays: FreezeWindow = {
    start: at('2024-12-23T00:00:00Z'),
    end: at('2024-12-27T00:00:00Z'),
  };

  it.each([
    ['2024-12-22T23:59:59Z', false],
    ['2024-12-23T00:00:00Z', true],
    ['2024-12-26T23:59:59Z', true],
    ['2024-12-27T00:00:00Z', false],
  ])('fixed window: %s is inside: %s', (now, inside) => {
    expect(isInFreezeWindow(holidays, at(now))).toBe(inside);
  });

  it.each([
    // 2024-05-03 is a Friday; Paris is UTC+2 in May.
    ['2024-05-03T13:59:00Z', false],
    ['2024-05-03T14:00:00Z', true],
    ['2024-05-03T21:59:00Z', true],
    ['2024-05-03T22:00:00Z', false],
    ['2024-05-02T15:00:00Z', false],
  ])(
    'weekly window on Fridays from 16:00 Paris time: %s is inside: %s',
    (now, inside) => {
      const fridays = weekly({
        days: ['fri'],
        from: '16:00',
        to: '24:00',
        timeZone: 'Europe/Paris',
      });
      expect(isInFreezeWindow(fridays, at(now))).toBe(inside);
    },
  );

  it.each([
    ['2024-05-03T23:00:00Z', true], // Friday night
    ['2024-05-04T01:59:00Z', true], // early Saturday, started Friday
    ['2024-05-04T02:00:00Z', false],
    ['2024-05-03T01:00:00Z', false], // early Friday: started Thursday
    ['2024-05-03T21:59:00Z', false],
  ])(
    'window crossing midnight, started on Fridays: %s is inside: %s',
    (now, inside) => {
      const nights = weekly({ days: ['fri'], from: '22:00', to: '02:00' });
      expect(isInFreezeWindow(nights, at(now))).toBe(inside);
    },
  );

  it('reads the wall clock of its zone across a DST change', () => {
    const office = weekly({ timeZone: 'America/New_York' });
    // 13:30Z is 08:30 EST the day before DST starts, 09:30 EDT the day it does.
    expect(isInFreezeWindow(office, at('2024-03-09T13:30:00Z'))).toBe(false);
    expect(isInFreezeWindow(office, at('2024-03-10T13:30:00Z'))).toBe(true);
    expect(isInFreezeWindow(office, at('2024-03-10T20:59:00Z'))).toBe(true);
    expect(isInFreezeWindow(office, at('2024-03-10T21:00:00Z'))).toBe(false);
  });
});
