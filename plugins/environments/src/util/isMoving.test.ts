import type {
  EnvironmentState,
  EnvironmentsResponse,
} from '@stageline/plugin-environments-common';
import { isMoving } from './isMoving';

function response(env: Partial<EnvironmentState>): EnvironmentsResponse {
  return {
    entityRef: 'component:default/checkout',
    chain: 'default',
    generatedAt: '2026-11-22T00:00:00Z',
    environments: [
      {
        name: 'qa',
        namespace: 'qa',
        overlay: 'qa',
        protected: false,
        inFlight: [],
        sync: { status: 'in-sync', reason: '' },
        errors: [],
        ...env,
      },
    ],
  };
}

describe('isMoving', () => {
  it('is false when everything is in sync and nothing is in flight', () => {
    expect(isMoving(response({}))).toBe(false);
    expect(isMoving(undefined)).toBe(false);
  });

  it('is true while an environment rolls out', () => {
    expect(
      isMoving(response({ sync: { status: 'rolling-out', reason: '' } })),
    ).toBe(true);
  });

  it('is true while a promotion is written or rolls out, not while it awaits approval', () => {
    const withPromotion = (state: string) =>
      response({
        promotion: {
          inFlight: { state },
        } as unknown as EnvironmentState['promotion'],
      });
    expect(isMoving(withPromotion('executing'))).toBe(true);
    expect(isMoving(withPromotion('rolling-out'))).toBe(true);
    expect(isMoving(withPromotion('awaiting-approval'))).toBe(false);
  });
});
