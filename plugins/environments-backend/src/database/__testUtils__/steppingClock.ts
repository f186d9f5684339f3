/** A clock that starts at a fixed time and moves only when told. */
export function steppingClock(start = '2026-01-05T10:00:00.000Z') {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}
