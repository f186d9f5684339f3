import { mockCredentials } from '@backstage/backend-test-utils';
import { CallerBudget } from './CallerBudget';
import { TooManyRequestsError } from './TooManyRequestsError';

const ALICE = mockCredentials.user('user:default/alice');
const BOB = mockCredentials.user('user:default/bob');

describe('CallerBudget', () => {
  let budget: CallerBudget | undefined;
  afterEach(() => budget?.shutdown());

  it('keys users by entity ref and services by subject', () => {
    expect(CallerBudget.keyOf(ALICE)).toBe('user:default/alice');
    expect(CallerBudget.keyOf(mockCredentials.service('plugin:catalog'))).toBe(
      'service:plugin:catalog',
    );
  });

  it('refuses a caller past the limit with the seconds left in the window, not others', async () => {
    budget = new CallerBudget({ limit: 2, windowMs: 60_000 });
    await budget.spend(ALICE);
    await budget.spend(ALICE);
    const refused = await budget.spend(ALICE).catch(e => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused.statusCode).toBe(429);
    expect(refused.retryAfterSeconds).toBeGreaterThan(55);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.message).toBe(
      `Too many requests; try again in ${refused.retryAfterSeconds} s`,
    );
    await expect(budget.spend(BOB)).resolves.toBeUndefined();
  });

  it('gives the caller a fresh budget once the window has passed', async () => {
    jest.useFakeTimers();
    try {
      budget = new CallerBudget({ limit: 1, windowMs: 10_000 });
      await budget.spend(ALICE);
      await expect(budget.spend(ALICE)).rejects.toThrow(TooManyRequestsError);
      jest.advanceTimersByTime(10_001);
      await expect(budget.spend(ALICE)).resolves.toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });
});
