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
});
