import { backoffDelay } from './backoffDelay';

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const options = { initialMs: 1000, maxMs: 30_000 };
    expect(
      [1, 2, 3, 4, 5, 6, 7, 100].map(n => backoffDelay(n, options)),
    ).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoffDelay(0, options)).toBe(1000);
  });
});
