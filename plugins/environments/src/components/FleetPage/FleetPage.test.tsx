import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fleetApiRef } from '../../api/FleetApi';
import { mockFleetApi } from '../../__testUtils__/fleetFixtures';
import { testUserEntities } from '../../__testUtils__/testUserEntities';
import { FleetPage } from './FleetPage';

function renderPage(api = mockFleetApi(), path?: string) {
  return {
    api,
    ...renderInTestApp(<FleetPage />, {
      apis: [
        [fleetApiRef, api],
        catalogApiMock({ entities: testUserEntities }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...(path ? { initialRouteEntries: [path] } : {}),
    }),
  };
}

describe('FleetPage', () => {
  it('shows each service by environment with version, state, lag and a link to its tab', async () => {
    renderPage();
    const table = await screen.findByRole('table', {
      name: 'Services by environment',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual(['Service', 'qa', 'staging', 'production']);
    const checkout = within(table).getByRole('link', { name: 'checkout' });
    expect(checkout).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/environments',
    );
    const row = checkout.closest('tr')!;
    expect(row).toHaveTextContent('In sync');
    expect(row).toHaveTextContent('Drifted, waiting for approval');
    expect(row).toHaveTextContent('Promotion: Awaiting approval');
    // staging: 3 commits, and qa has had its version for 2 hours.
    expect(row).toHaveTextContent('behind by 3 commits, 2h');
    expect(row).toHaveTextContent('behind by 1d');
    const payments = within(table).getByRole('link', { name: 'Payments' });
    expect(payments.closest('tr')).toHaveTextContent(
      'Not read: another entity owns its overlays',
    );
    expect(screen.getByText('1–2 of 2 services')).toBeInTheDocument();
  });

  it('lists the promotions awaiting my approval', async () => {
    renderPage();
    const list = await screen.findByRole('table', {
      name: 'Awaiting my approval',
    });
    const row = within(list)
      .getByRole('link', { name: 'checkout' })
      .closest('tr')!;
    expect(row).toHaveTextContent('staging → production');
    // The requester by the catalog's display name.
    await waitFor(() => expect(row).toHaveTextContent('Ana Alvarez'));
    expect(row).not.toHaveTextContent('user:default/ana');
    expect(row).toHaveTextContent('1 of 2');
  });

  it('lists the break-glass promotions awaiting acknowledgement', async () => {
    renderPage();
    const list = await screen.findByRole('table', {
      name: 'Break-glass awaiting acknowledgement',
    });
    expect(
      within(list).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/environments',
    );
  });

  it('asks the server again with each filter', async () => {
    const { api } = renderPage();
    await screen.findByRole('table', { name: 'Services by environment' });
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Owned by me or my groups' }),
    );
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenLastCalledWith(
        expect.objectContaining({ mine: true, limit: 50 }),
      ),
    );
    // One change event: typing letter by letter would ask the server once per letter.
    fireEvent.change(screen.getByRole('textbox', { name: 'System' }), {
      target: { value: 'shop' },
    });
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenLastCalledWith(
        expect.objectContaining({ mine: true, system: ['shop'] }),
      ),
    );
    await userEvent.click(screen.getByLabelText('State'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Drifted' }),
    );
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenLastCalledWith(
        expect.objectContaining({ state: ['drifted'] }),
      ),
    );
  });

  it('shows delivery metrics for a system once one is named', async () => {
    const { api } = renderPage();
    fireEvent.change(await screen.findByLabelText('Metrics for system'), {
      target: { value: 'shop' },
    });
    expect(await screen.findByText('2.5 / week')).toBeInTheDocument();
    expect(screen.getByText('14h')).toBeInTheDocument();
    expect(screen.getByText('43%')).toBeInTheDocument();
    expect(screen.getByText('3 of 7 changes')).toBeInTheDocument();
    // 90 minutes, in the two largest units.
    expect(screen.getByText('1h 30m')).toBeInTheDocument();
    const weeks = screen.getByRole('table', {
      name: 'Delivery metrics per week',
    });
    expect(
      within(weeks)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'Week ofDeploymentsFailed changesLead time (median)',
      '2026-11-02314h',
      '2026-11-0922—',
    ]);
    expect(api.getMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ system: 'shop' }),
    );
  });

  it('starts from the filters in the page address', async () => {
    const { api } = renderPage(
      mockFleetApi(),
      '/?system=shop&mine=true&state=failing&search=pay',
    );
    await screen.findByRole('table', { name: 'Services by environment' });
    expect(api.getFleet).toHaveBeenCalledWith(
      expect.objectContaining({
        system: ['shop'],
        mine: true,
        state: ['failing'],
        search: 'pay',
      }),
    );
    expect(screen.getByRole('textbox', { name: 'System' })).toHaveValue('shop');
    expect(
      screen.getByRole('checkbox', { name: 'Owned by me or my groups' }),
    ).toBeChecked();
  });
});
