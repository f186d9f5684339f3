import { scheduleOf } from './scheduleOf';

const now = new Date('2026-12-02T10:00:00Z');
const none = { later: false, notBefore: '', whenFreezeEnds: false };

describe('scheduleOf', () => {
  it('is no schedule when nothing is chosen', () => {
    expect(scheduleOf(none, now)).toEqual({});
  });

  it('turns a local time into an instant in the future', () => {
    const local = '2026-12-03T09:30';
    expect(scheduleOf({ ...none, later: true, notBefore: local }, now)).toEqual(
      { schedule: { notBefore: new Date(local).toISOString() } },
    );
  });

  it('asks for a time, and one in the future', () => {
    expect(scheduleOf({ ...none, later: true }, now)).toEqual({
      problem: 'Choose the date and time to run it at',
    });
    expect(
      scheduleOf({ ...none, later: true, notBefore: '2020-01-01T00:00' }, now),
    ).toEqual({ problem: 'Choose a time in the future' });
  });

  it('runs when the freeze ends, alone or with a time', () => {
    expect(scheduleOf({ ...none, whenFreezeEnds: true }, now)).toEqual({
      schedule: { whenFreezeEnds: true },
    });
    expect(
      scheduleOf(
        { later: true, notBefore: '2026-12-24T18:00', whenFreezeEnds: true },
        now,
      ).schedule,
    ).toEqual({
      notBefore: new Date('2026-12-24T18:00').toISOString(),
      whenFreezeEnds: true,
    });
  });
});
