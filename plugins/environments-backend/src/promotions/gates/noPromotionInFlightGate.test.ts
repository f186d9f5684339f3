import type { PromotionState } from '@stageline/plugin-environments-common';
import { promotionFixture } from './__testUtils__/promotionFixture';
import { noPromotionInFlightGate } from './noPromotionInFlightGate';

describe('noPromotionInFlightGate', () => {
  it('fails naming the other promotion, its state and requester', () => {
    expect(
      noPromotionInFlightGate({
        target: 'staging',
        inFlight: promotionFixture({ id: 'p-7', state: 'waiting-for-merge' }),
      }),
    ).toEqual({
      id: 'no-promotion-in-flight',
      passed: false,
      reason:
        'promotion p-7 into staging is waiting-for-merge, requested by user:default/carol',
      blocksRequest: true,
    });
  });

  it.each<PromotionState>(['succeeded', 'failed', 'rejected', 'cancelled'])(
    'passes when the other promotion is %s',
    state => {
      expect(
        noPromotionInFlightGate({
          target: 'staging',
          inFlight: promotionFixture({ state }),
        }).passed,
      ).toBe(true);
    },
  );

  it('passes for none, for itself, and for a promotion into another target', () => {
    const inFlight = promotionFixture({ id: 'p-1' });
    expect(noPromotionInFlightGate({ target: 'staging' }).passed).toBe(true);
    expect(
      noPromotionInFlightGate({
        target: 'staging',
        inFlight,
        promotionId: 'p-1',
      }).passed,
    ).toBe(true);
    expect(
      noPromotionInFlightGate({ target: 'production', inFlight }).passed,
    ).toBe(true);
  });
});
