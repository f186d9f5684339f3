import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { fleetApiRef } from '../../api/FleetApi';
import { fleetPage, mockFleetApi } from '../../__testUtils__/fleetFixtures';
import { EntityFleetCard } from './EntityFleetCard';

describe('EntityFleetCard', () => {
  it("shows the environments of a System's components only", async () => {
    const api = mockFleetApi();
    await renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: 'shop', namespace: 'default' },
          spec: { owner: 'team-shop' },
        }}
      >
        <EntityFleetCard />
      </EntityProvider>,
      {
        apis: [[fleetApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByRole('table', {
        name: "Environments of shop's components",
      }),
    ).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledWith({
      scope: 'system:default/shop',
      limit: 100,
    });
    expect(screen.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/environments',
    );
  });

  it('says when a Group owns more components than the card shows', async () => {
    const api = mockFleetApi();
    api.getFleet.mockResolvedValue({ ...fleetPage, total: 150 });
    await renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1',
          kind: 'Group',
          metadata: { name: 'team-shop', namespace: 'default' },
          spec: { type: 'team', children: [] },
        }}
      >
        <EntityFleetCard />
      </EntityProvider>,
      {
        apis: [[fleetApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByText(
        'The first 2 of 150 components; the Environments page lists them all.',
      ),
    ).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledWith({
      scope: 'group:default/team-shop',
      limit: 100,
    });
  });
});
