import { screen, within } from '@testing-library/react';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

describe('HistoryTable and verification', () => {
  it('shows verifying and failed verification with icon and word, and the automatic rollback', async () => {
    const [latest, ...rest] = scenarios.healthy.promotions;
    const api = createMockEnvironmentsApi(() => ({
      ...scenarios.healthy,
      promotions: [
        {
          ...latest,
          id: 'p-rollback',
          kind: 'rollback' as const,
          source: undefined,
          requestedBy: 'stageline:verification',
          state: 'verifying' as const,
          stateReason: 'Verifying: 8m left, every check passing so far',
        },
        {
          ...latest,
          state: 'failed-verification' as const,
          stateReason:
            'Verification failed: GET /health: https://staging.example.com/health answered 503 in 3ms, expected 200',
        },
        ...rest,
      ],
    }));
    await renderWithEntity(<EnvironmentsContent />, { api });
    const table = await screen.findByRole('table', {
      name: 'Promotion history',
    });
    const [verifying, failed] = within(table).getAllByRole('row').slice(1);
    const verifyingWord = within(verifying).getByText('Verifying');
    expect(verifyingWord.closest('[data-status]')).toHaveAttribute(
      'data-status',
      'running',
    );
    expect(verifying).toHaveTextContent('automatic rollback of staging');
    const failedWord = within(failed).getByText('Failed verification');
    expect(failedWord.closest('[data-status]')).toHaveAttribute(
      'data-status',
      'error',
    );
    expect(failed).toHaveTextContent('answered 503');
  });
});
