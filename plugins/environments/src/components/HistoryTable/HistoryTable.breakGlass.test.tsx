import { screen, waitFor, within } from '@testing-library/react';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

describe('HistoryTable and break-glass', () => {
  it('badges a break-glass promotion with its incident until an approver acknowledges it, naming the approver by display name', async () => {
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
            acknowledgedBy: 'user:default/bo',
            acknowledgedAt: '2026-11-20T13:00:00Z',
          },
        },
        {
          ...latest,
          id: 'p-acknowledged-unknown',
          breakGlass: {
            incident: 'https://status.example.com/incidents/40',
            // Not in the catalog: shown by the ref's name.
            acknowledgedBy: 'user:default/zoe',
            acknowledgedAt: '2026-11-20T12:00:00Z',
          },
        },
        ...rest,
      ],
    }));
    await renderWithEntity(<EnvironmentsContent />, { api });
    const table = await screen.findByRole('table', {
      name: 'Promotion history',
    });
    const [waiting, acknowledged, acknowledgedUnknown, ordinary] = within(table)
      .getAllByRole('row')
      .slice(1);
    expect(waiting).toHaveTextContent('Break-glass, not acknowledged');
    expect(
      within(waiting).getByRole('link', { name: /Incident/ }),
    ).toHaveAttribute('href', 'https://status.example.com/incidents/42');
    await waitFor(() =>
      expect(acknowledged).toHaveTextContent(
        'Break-glass, acknowledged by Bo Berg',
      ),
    );
    expect(acknowledgedUnknown).toHaveTextContent(
      'Break-glass, acknowledged by zoe',
    );
    expect(within(table).queryByText(/acknowledged by user:/)).toBeNull();
    expect(within(ordinary).queryByTestId('break-glass')).toBeNull();
  });
});
