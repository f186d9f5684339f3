import { useState } from 'react';
import { act, fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import type { EnvironmentsApi } from '../../api/EnvironmentsApi';
import { scenarios } from '../../testing/scenarios';
import { PromotionProgress } from './PromotionProgress';

const mockAnnounce = jest.fn();
jest.mock('../Announcer', () => ({ useAnnounce: () => mockAnnounce }));

const promotion: Promotion = {
  ...scenarios.healthy.promotions[0],
  kind: 'promotion',
  target: 'staging',
  waitingFor: undefined,
};

/** An API whose every read is a new object, in the given states, the last one repeated. */
function apiReading(states: PromotionState[]) {
  let reads = 0;
  const getPromotion = jest.fn(async (id: string) => {
    const state = states[Math.min(reads++, states.length - 1)];
    return { ...promotion, id, state, events: [] };
  });
  return { api: { getPromotion } as unknown as EnvironmentsApi, getPromotion };
}

async function poll() {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(3_000);
  });
}

describe('PromotionProgress', () => {
  beforeEach(() => {
    mockAnnounce.mockClear();
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('announces each new state once, however often the same state is read again', async () => {
    const { api, getPromotion } = apiReading([
      'executing',
      'executing',
      'waiting-for-merge',
      'waiting-for-merge',
      'succeeded',
    ]);
    await renderInTestApp(<PromotionProgress promotionId="p-1" />, {
      apis: [[environmentsApiRef, api]],
    });
    await screen.findByRole('list', { name: 'Promotion progress' });
    for (let i = 0; i < 5; i++) await poll();

    expect(getPromotion.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(mockAnnounce.mock.calls.map(([sentence]) => sentence)).toEqual([
      'Promotion into staging: Writing to Git',
      'Promotion into staging: Waiting for merge',
      'Promotion into staging: Succeeded',
    ]);
  });

  it('announces the state of another promotion even when it equals the previous one', async () => {
    const { api } = apiReading(['executing']);
    const Switcher = () => {
      const [id, setId] = useState('p-1');
      return (
        <>
          <button onClick={() => setId('p-2')}>Next promotion</button>
          <PromotionProgress promotionId={id} />
        </>
      );
    };
    await renderInTestApp(<Switcher />, { apis: [[environmentsApiRef, api]] });
    await screen.findByRole('list', { name: 'Promotion progress' });
    await poll();
    fireEvent.click(screen.getByRole('button', { name: 'Next promotion' }));
    await poll();

    expect(mockAnnounce).toHaveBeenCalledTimes(2);
  });
});
