import { freezeWindowSchema } from './freezeWindowSchema';
import { parseConfigValue } from './parseConfigValue';

const KEY = 'environments.chains.default.2.gates.freezeWindows.0';

function read(window: unknown) {
  return parseConfigValue(freezeWindowSchema, window, KEY);
}

describe('freezeWindowSchema', () => {
  it('reads a fixed window as two instants', () => {
    expect(
      read({
        start: '2024-12-23T00:00:00+01:00',
        end: '2024-12-27T00:00:00Z',
        reason: 'Holiday freeze',
      }),
    ).toEqual({
      start: new Date('2024-12-22T23:00:00Z'),
      end: new Date('2024-12-27T00:00:00Z'),
      reason: 'Holiday freeze',
    });
  });

  it('reads a weekly window, every day and UTC by default', () => {
    expect(read({ from: '22:00', to: '06:00' })).toEqual({
      days: [],
      from: '22:00',
      to: '06:00',
      timeZone: 'UTC',
    });
    expect(
      read({
        days: ['fri'],
        from: '16:00',
        to: '24:00',
        timeZone: 'Europe/Paris',
      }),
    ).toEqual({
      days: ['fri'],
      from: '16:00',
      to: '24:00',
      timeZone: 'Europe/Paris',
    });
  });

  it.each([
    [
      'both forms',
      {
        start: '2024-12-23T00:00:00Z',
        end: '2024-12-24T00:00:00Z',
        from: '10:00',
        to: '11:00',
      },
      `${KEY}': a freeze window is either start and end`,
    ],
    ['neither form', { reason: 'why' }, `${KEY}': a freeze window is either`],
    [
      'start without end',
      { start: '2024-12-23T00:00:00Z' },
      `${KEY}.end': is required with start`,
    ],
    [
      'end without start',
      { end: '2024-12-23T00:00:00Z' },
      `${KEY}.start': is required with end`,
    ],
    [
      'end before start',
      { start: '2024-12-24T00:00:00Z', end: '2024-12-23T00:00:00Z' },
      `${KEY}.end': must be after start`,
    ],
    [
      'a time without a zone',
      { start: '2024-12-23T00:00:00', end: '2024-12-24T00:00:00Z' },
      `${KEY}.start': must be an ISO 8601 time with a zone`,
    ],
    [
      'an impossible date',
      { start: '2024-13-45T00:00:00Z', end: '2024-12-24T00:00:00Z' },
      `${KEY}.start': is not a valid time`,
    ],
    ['from without to', { from: '10:00' }, `${KEY}.to': is required`],
    ['a time zone alone', { timeZone: 'UTC' }, `${KEY}.from': is required`],
    [
      'a malformed HH:MM',
      { from: '9:00', to: '10:00' },
      `${KEY}.from': must be a time HH:MM`,
    ],
    [
      'an hour past 24',
      { from: '10:00', to: '25:00' },
      `${KEY}.to': must be a time HH:MM`,
    ],
    [
      'from at 24:00',
      { from: '24:00', to: '06:00' },
      `${KEY}.from': must be 23:59 at the latest`,
    ],
    [
      'an empty window',
      { from: '10:00', to: '10:00' },
      `${KEY}.to': must differ from from`,
    ],
    [
      'an unknown time zone',
      { from: '10:00', to: '11:00', timeZone: 'Mars/Olympus' },
      `${KEY}.timeZone': 'Mars/Olympus' is not an IANA time zone`,
    ],
    [
      'an unknown day',
      { days: ['monday'], from: '10:00', to: '11:00' },
      `${KEY}.days.0'`,
    ],
    ['an unknown key', { from: '10:00', to: '11:00', zone: 'UTC' }, 'zone'],
  ])('rejects %s naming the key', (_, window, message) => {
    expect(() => read(window)).toThrow(message);
  });
});
