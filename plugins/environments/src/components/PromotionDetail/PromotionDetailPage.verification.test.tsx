import { screen, within } from '@testing-library/react';
import type { PromotionDetail } from '@stageline/plugin-environments-common';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

const [earlier] = scenarios.healthy.promotions;
const rollback: PromotionDetail = {
  ...earlier,
  id: 'p-auto',
  kind: 'rollback',
  source: undefined,
  requestedBy: 'stageline:verification',
  reason:
    'Automatic rollback: v2 failed verification (GET /health answered 503)',
  state: 'verifying',
  stateReason: 'Verifying: 9m left, every check passing so far',
  finishedAt: undefined,
  waitingFor: {
    kind: 'verification',
    detail: 'Verifying: 9m left, every check passing so far',
  },
  events: [
    {
      at: '2026-11-20T10:00:00Z',
      actor: 'stageline:verification',
      action: 'rollback.automatic',
      result: 'succeeded',
    },
  ],
};

describe('PromotionDetailPage and verification', () => {
  it('shows an automatic rollback that is verifying, with icon and word', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.healthy);
    jest.spyOn(api, 'getPromotion').mockResolvedValue(rollback);
    await renderWithEntity(<EnvironmentsContent />, {
      api,
      path: '/promotions/p-auto',
    });
    const facts = await screen.findByRole('group', { name: 'Promotion facts' });
    expect(facts).toHaveTextContent(
      `automatic rollback, after a failed verification, of ${rollback.target}`,
    );
    const result = within(facts).getByText('Verifying');
    expect(result.closest('[data-status]')).toHaveAttribute(
      'data-status',
      'running',
    );
    expect(facts).toHaveTextContent('stageline:verification');
  });

  it('lists each check with its result and reason, and the rollback it wrote', async () => {
    const failed: PromotionDetail = {
      ...earlier,
      state: 'failed-verification',
      stateReason: 'Verification failed: GET /health: answered 503',
      events: [],
      verification: {
        outcome: 'failed',
        rollbackPromotionId: 'p-auto',
        results: [
          {
            check: 'workloads',
            passed: true,
            reason: '2 of 2 replicas ready, no new restarts',
            at: '2026-11-20T10:05:00Z',
          },
          {
            check: 'GET /health',
            passed: false,
            reason:
              'https://staging.example.com/health answered 503 in 4ms, expected 200',
            at: '2026-11-20T10:05:00Z',
          },
        ],
      },
    };
    const api = createMockEnvironmentsApi(() => scenarios.healthy);
    jest.spyOn(api, 'getPromotion').mockResolvedValue(failed);
    await renderWithEntity(<EnvironmentsContent />, {
      api,
      path: `/promotions/${failed.id}`,
    });
    const table = await screen.findByRole('table', {
      name: 'Verification checks',
    });
    const [workloads, health] = within(table).getAllByRole('row').slice(1);
    expect(workloads).toHaveTextContent('workloads');
    expect(
      within(workloads).getByText('Passed').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'ok');
    expect(
      within(health).getByText('Failed').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'error');
    expect(health).toHaveTextContent('answered 503 in 4ms, expected 200');
    expect(screen.getByRole('link', { name: 'the rollback' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/promotions\/p-auto$/),
    );
    const facts = screen.getByRole('group', { name: 'Promotion facts' });
    expect(
      within(facts).getByText('Failed verification').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'error');
  });
});
