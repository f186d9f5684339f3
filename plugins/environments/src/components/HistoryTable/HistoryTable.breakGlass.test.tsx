import { screen, within } from '@testing-library/react';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

describe('HistoryTable and break-glass', () => {
  it('badges a break-glass promotion with its incident until an approver acknowledges it', async () => {
    const [latest, ...rest] = scenarios.healthy.promotions;
    const api = createMockEnvironmentsApi(() => ({
      ...scenarios.healthy,
      promotions: [
        {
          ...latest,
          id: 'p-breakglass',
          reason: 'Checkout down',
          breakGlass: { incident: 'https://status.example.com/incidents/42' },
        },
        {
          ...latest,
          id: 'p-acknowledged',
          breakGlass: {
            incident: 'https://status.example.com/incidents/41',
            acknowledgedBy: 'user:default/bob',
            acknowledgedAt: '2026-11-20T13:00:00Z',
          },
        },
        ...rest,
      ],
    }));
    await renderWithEntity(<EnvironmentsContent />, { api });
    const table = await screen.findByRole('table', {
      name: 'Promotion history',
    });
    const [waiting, acknowledged, ordinary] = within(table)
      .getAllByRole('row')
      .slice(1);
    expect(waiting).toHaveTextContent('Break-glass, not acknowledged');
    expect(
      within(waiting).getByRole('link', { name: /Incident/ }),
    ).toHaveAttribute('href', 'https://status.example.com/incidents/42');
    expect(acknowledged).toHaveTextContent(
      'Break-glass, acknowledged by user:default/bob',
    );
    expect(within(ordinary).queryByTestId('break-glass')).toBeNull();
  });
});
