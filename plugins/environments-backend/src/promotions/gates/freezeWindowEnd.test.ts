import type { FreezeWindow } from '../../config/Environment';
import { freezeWindowEnd } from './freezeWindowEnd';

const at = (iso: string) => new Date(iso);

describe('freezeWindowEnd', () => {
  it('is the end of a fixed window while inside it', () => {
    const window: FreezeWindow = {
      start: at('2024-12-23T00:00:00Z'),
      end: at('2024-12-27T00:00:00Z'),
    };
    expect(freezeWindowEnd(window, at('2024-12-24T12:00:00Z'))).toEqual(
      at('2024-12-27T00:00:00Z'),
    );
    expect(freezeWindowEnd(window, at('2024-12-28T00:00:00Z'))).toBeUndefined();
  });

  it('ends a window crossing midnight on the next day', () => {
    const nights: FreezeWindow = {
      days: [],
      from: '22:00',
      to: '06:00',
      timeZone: 'UTC',
    };
    expect(freezeWindowEnd(nights, at('2024-05-03T23:00:00Z'))).toEqual(
      at('2024-05-04T06:00:00Z'),
    );
    expect(freezeWindowEnd(nights, at('2024-05-04T05:00:00Z'))).toEqual(
      at('2024-05-04T06:00:00Z'),
    );
  });

  it('ends at the next midnight for 24:00', () => {
    const evenings: FreezeWindow = {
      days: ['fri'],
      from: '16:00',
      to: '24:00',
      timeZone: 'Europe/Paris',
    };
    expect(freezeWindowEnd(evenings, at('2024-05-03T15:00:00Z'))).toEqual(
      at('2024-05-03T22:00:00Z'),
    );
  });

  it('ends at the wall-clock time when DST starts inside the window', () => {
    // Paris, 31 March 2024: 02:00 CET jumps to 03:00 CEST; 06:00 CEST is 04:00Z.
    const mornings: FreezeWindow = {
      days: [],
      from: '00:00',
      to: '06:00',
      timeZone: 'Europe/Paris',
    };
    expect(freezeWindowEnd(mornings, at('2024-03-30T23:30:00Z'))).toEqual(
      at('2024-03-31T04:00:00Z'),
    );
  });

  it('ends at the wall-clock time when DST ends inside the window', () => {
    // Paris, 27 October 2024: 03:00 CEST falls back to 02:00 CET; 04:00 CET is 03:00Z.
    const nights: FreezeWindow = {
      days: ['sat'],
      from: '22:00',
      to: '04:00',
      timeZone: 'Europe/Paris',
    };
    expect(freezeWindowEnd(nights, at('2024-10-26T20:30:00Z'))).toEqual(
      at('2024-10-27T03:00:00Z'),
    );
  });
});
