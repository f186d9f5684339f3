import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fleetApiRef } from '../../api/FleetApi';
import { mockFleetApi } from '../../__testUtils__/fleetFixtures';
import { testUserEntities } from '../../__testUtils__/testUserEntities';
import { AwaitingAcknowledgementList } from './AwaitingAcknowledgementList';

const TITLE = 'Break-glass awaiting acknowledgement';

function render(api = mockFleetApi()) {
  return renderInTestApp(<AwaitingAcknowledgementList />, {
    apis: [[fleetApiRef, api], catalogApiMock({ entities: testUserEntities })],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('AwaitingAcknowledgementList', () => {
  it('lists each unacknowledged break-glass promotion with its service, people by display name, incident and detail view', async () => {
    render();
    expect(
      await screen.findByRole('heading', { name: TITLE }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: TITLE });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Service',
      'Environment',
      'Version',
      'Promoted by',
      'When',
      'Reason',
      'Incident',
      'Details',
    ]);
    const [payments, checkout] = within(table).getAllByRole('row').slice(1);

    expect(
      within(payments).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/environments',
    );
    const cells = within(payments).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent(/^staging → production$/);
    expect(cells[2]).toHaveTextContent('ccccccc');
    await waitFor(() => expect(cells[3]).toHaveTextContent(/^Bo Berg$/));
    expect(cells[4].querySelector('time')).toHaveAttribute(
      'datetime',
      '2026-11-20T11:30:00.000Z',
    );
    expect(cells[5]).toHaveTextContent('Payments down');
    expect(
      within(payments).getByRole('link', {
        name: /^Incident of the promotion of payments into production/,
      }),
    ).toHaveAttribute('href', 'https://status.example.com/incidents/42');
    expect(
      within(payments).getByRole('link', {
        name: 'Details of the promotion of payments into production',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/environments/promotions/p-bg',
    );

    // A rollback, by someone the catalog has no display name for: the ref's name.
    const rollback = within(checkout).getAllByRole('cell');
    expect(rollback[1]).toHaveTextContent(/^rollback of production$/);
    expect(rollback[3]).toHaveTextContent(/^zoe$/);
    expect(rollback[5]).toHaveTextContent('—');
  });

  it('shows nothing when no break-glass promotion awaits acknowledgement', async () => {
    const api = mockFleetApi();
    api.getAwaitingAcknowledgements.mockResolvedValue({ promotions: [] });
    await render(api);
    await waitFor(() =>
      expect(api.getAwaitingAcknowledgements).toHaveBeenCalled(),
    );
    // Let the answer render.
    await act(async () => {
      await api.getAwaitingAcknowledgements.mock.results[0].value;
    });
    expect(screen.queryByRole('heading', { name: TITLE })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.querySelector('.MuiCard-root')).toBeNull();
  });

  it('says when they could not be loaded', async () => {
    const api = mockFleetApi();
    api.getAwaitingAcknowledgements.mockRejectedValue(new Error('boom'));
    await render(api);
    expect(
      await screen.findByText(
        /Could not load the break-glass promotions awaiting acknowledgement/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: TITLE })).toBeInTheDocument();
  });
});
