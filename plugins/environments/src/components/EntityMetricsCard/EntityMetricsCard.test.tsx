import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { fleetApiRef } from '../../api/FleetApi';
import { mockFleetApi } from '../../__testUtils__/fleetFixtures';
import { testEntity } from '../../testing/testEntity';
import { EntityMetricsCard } from './EntityMetricsCard';

describe('EntityMetricsCard', () => {
  it("asks for a service's own metrics, and for a Group's components", async () => {
    const api = mockFleetApi();
    const { unmount } = await renderInTestApp(
      <EntityProvider entity={testEntity}>
        <EntityMetricsCard />
      </EntityProvider>,
      { apis: [[fleetApiRef, api]] },
    );
    expect(await screen.findByText('2.5 / week')).toBeInTheDocument();
    expect(api.getMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRef: 'component:default/checkout' }),
    );
    unmount();

    await renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'team-shop', namespace: 'default' },
          spec: { type: 'team', children: [] },
        }}
      >
        <EntityMetricsCard />
      </EntityProvider>,
      { apis: [[fleetApiRef, api]] },
    );
    expect(await screen.findByText('2.5 / week')).toBeInTheDocument();
    expect(api.getMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ group: 'group:default/team-shop' }),
    );
  });
});
