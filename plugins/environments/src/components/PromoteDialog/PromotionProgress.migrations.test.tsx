import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Promotion } from '@stageline/plugin-environments-common';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import type { EnvironmentsApi } from '../../api/EnvironmentsApi';
import { scenarios } from '../../testing/scenarios';
import { PromotionProgress } from './PromotionProgress';

jest.mock('../Announcer', () => ({ useAnnounce: () => jest.fn() }));

const WAITING =
  'Migrations Job checkout-migrate-v3 is running: the rollout counts once it succeeded';
const FAILED =
  'Migrations Job checkout-migrate-v3 failed: BackoffLimitExceeded: Job has reached the specified backoff limit';

function apiReturning(promotion: Partial<Promotion>) {
  const getPromotion = jest.fn(async (id: string) => ({
    ...scenarios.healthy.promotions[0],
    kind: 'promotion',
    target: 'staging',
    ...promotion,
    id,
    events: [],
  }));
  return { getPromotion } as unknown as EnvironmentsApi;
}

describe('PromotionProgress with a migrations Job', () => {
  it('says the rollout waits for the migrations Job', async () => {
    await renderInTestApp(<PromotionProgress promotionId="p-1" />, {
      apis: [
        [
          environmentsApiRef,
          apiReturning({
            state: 'rolling-out',
            stateReason: WAITING,
            waitingFor: { kind: 'migrations', detail: WAITING },
          }),
        ],
      ],
    });
    expect(
      await screen.findByText(`Waiting for: ${WAITING}`),
    ).toBeInTheDocument();
  });

  it('shows the Job failure as the reason a failed promotion ended', async () => {
    await renderInTestApp(<PromotionProgress promotionId="p-1" />, {
      apis: [
        [
          environmentsApiRef,
          apiReturning({
            state: 'failed',
            stateReason: FAILED,
            waitingFor: undefined,
          }),
        ],
      ],
    });
    expect(await screen.findByText(FAILED)).toBeInTheDocument();
  });
});
