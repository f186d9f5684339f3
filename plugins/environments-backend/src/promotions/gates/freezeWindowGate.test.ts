import type { FreezeWindow } from '../../config/Environment';
import { freezeWindowGate } from './freezeWindowGate';

const at = (iso: string) => new Date(iso);

const HOLIDAYS: FreezeWindow = {
  start: at('2024-12-23T00:00:00Z'),
  end: at('2024-12-27T00:00:00Z'),
  reason: 'Holiday freeze',
};

describe('freezeWindowGate', () => {
  it('passes outside every window', () => {
    expect(
      freezeWindowGate({
        target: 'production',
        windows: [HOLIDAYS],
        now: at('2024-12-27T00:00:00Z'),
      }),
    ).toEqual({
      id: 'freeze-window',
      passed: true,
      reason: 'production is not in a freeze window',
      blocksRequest: true,
    });
  });

  it('fails inside a window with its reason, until its end', () => {
    expect(
      freezeWindowGate({
        target: 'production',
        windows: [HOLIDAYS],
        now: at('2024-12-24T10:00:00Z'),
      }),
    ).toMatchObject({
      passed: false,
      reason:
        'Holiday freeze: no promotion into production until 2024-12-27T00:00:00.000Z',
      until: '2024-12-27T00:00:00.000Z',
    });
  });

  it('runs until the end of a window that opens before the first one closes', () => {
    const nights: FreezeWindow = {
      days: ['thu'],
      from: '22:00',
      to: '08:00',
      timeZone: 'UTC',
    };
    // 2024-12-26 is a Thursday: the holidays end at midnight, inside Thursday night's window.
    const result = freezeWindowGate({
      target: 'production',
      windows: [nights, HOLIDAYS],
      now: at('2024-12-26T12:00:00Z'),
    });
    expect(result).toMatchObject({
      passed: false,
      until: '2024-12-27T08:00:00.000Z',
    });
    expect(result.reason).toMatch(/^Holiday freeze: /);
  });

  it('names a window without a reason a freeze window', () => {
    const mondays: FreezeWindow = {
      days: ['mon'],
      from: '00:00',
      to: '24:00',
      timeZone: 'UTC',
    };
    expect(
      freezeWindowGate({
        target: 'staging',
        windows: [mondays],
        now: at('2024-05-06T12:00:00Z'),
      }).reason,
    ).toBe(
      'freeze window: no promotion into staging until 2024-05-07T00:00:00.000Z',
    );
  });

  it('runs through consecutive days of one weekly window', () => {
    const weekend: FreezeWindow = {
      days: ['sat', 'sun'],
      from: '00:00',
      to: '24:00',
      timeZone: 'UTC',
    };
    expect(
      freezeWindowGate({
        target: 'production',
        windows: [weekend],
        now: at('2024-05-04T09:00:00Z'),
      }).until,
    ).toBe('2024-05-06T00:00:00.000Z');
  });
});
