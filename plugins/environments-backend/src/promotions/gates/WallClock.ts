/** A date and time as a clock on the wall shows it in some time zone. */
export type WallClock = {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0-23 */
  hour: number;
  minute: number;
  second: number;
  /** 0 is Sunday, as `Date.getUTCDay`. */
  weekday: number;
};
