import { latestTime } from './latestTime';

describe('latestTime', () => {
  it('picks the latest instant, whatever the offset it is written in', () => {
    expect(
      latestTime([
        '2024-05-01T10:00:00Z',
        '2024-05-01T12:30:00+02:00',
        undefined,
        '2024-05-01T09:00:00Z',
      ]),
    ).toBe('2024-05-01T12:30:00+02:00');
  });

  it('is undefined without any time', () => {
    expect(latestTime([undefined])).toBeUndefined();
    expect(latestTime([])).toBeUndefined();
  });
});
