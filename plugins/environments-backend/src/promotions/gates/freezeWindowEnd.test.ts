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

  describe('a window ending at a time DST skips or repeats', () => {
    const early = (timeZone: string, to: string): FreezeWindow => ({
      days: [],
      from: '00:00',
      to,
      timeZone,
    });

    it('ends just after spring-forward when its end is skipped', () => {
      // Paris, 31 March 2024: 02:30 does not exist; 03:30 CEST is 01:30Z.
      expect(
        freezeWindowEnd(
          early('Europe/Paris', '02:30'),
          at('2024-03-31T00:15:00Z'),
        ),
      ).toEqual(at('2024-03-31T01:30:00Z'));
      // New York, 10 March 2024: 02:30 does not exist; 03:30 EDT is 07:30Z.
      expect(
        freezeWindowEnd(
          early('America/New_York', '02:30'),
          at('2024-03-10T06:15:00Z'),
        ),
      ).toEqual(at('2024-03-10T07:30:00Z'));
    });

    it('ends at the later of the two times the clock shows its end in autumn', () => {
      // Paris, 27 October 2024: 02:30 CEST (00:30Z), then 02:30 CET (01:30Z).
      expect(
        freezeWindowEnd(
          early('Europe/Paris', '02:30'),
          at('2024-10-26T23:15:00Z'),
        ),
      ).toEqual(at('2024-10-27T01:30:00Z'));
      // New York, 3 November 2024: 01:30 EDT (05:30Z), then 01:30 EST (06:30Z).
      expect(
        freezeWindowEnd(
          early('America/New_York', '01:30'),
          at('2024-11-03T04:15:00Z'),
        ),
      ).toEqual(at('2024-11-03T06:30:00Z'));
    });

    it('reads a zone ahead of UTC without DST on its own calendar day', () => {
      const nights = early('Asia/Kolkata', '06:00');
      // Kolkata has no DST: 06:00 IST is 00:30Z.
      expect(freezeWindowEnd(nights, at('2024-05-03T20:00:00Z'))).toEqual(
        at('2024-05-04T00:30:00Z'),
      );
    });
  });
});
