import { screen, waitFor, within } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fleetApiRef, type FleetApi } from '@stageline/plugin-environments';
import type { AwaitingApprovalsResponse } from '@stageline/plugin-environments-common';
import { AwaitingMyApprovalContent } from './AwaitingMyApprovalContent';

const CAROL = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'carol', namespace: 'default' },
  spec: { profile: { displayName: 'Carol Rivera' } },
};

function render(getAwaitingApprovals: FleetApi['getAwaitingApprovals']) {
  const api = { getAwaitingApprovals } as Partial<FleetApi> as FleetApi;
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [fleetApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [CAROL] })],
      ]}
    >
      <AwaitingMyApprovalContent />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const awaiting: AwaitingApprovalsResponse = {
  promotions: [
    {
      id: 'p-7',
      entityRef: 'component:default/payments',
      source: 'staging',
      target: 'production',
      version: { name: 'ghcr.io/shop/payments', tag: 'abc1234' },
      requestedBy: 'user:default/carol',
      createdAt: '2026-12-01T10:00:00Z',
      approvalsRequired: 2,
      approvals: 1,
    },
  ],
};

describe('AwaitingMyApprovalContent', () => {
  it("lists each promotion the user may approve, in services they don't own too, linking to its detail view", async () => {
    render(async () => awaiting);
    const list = await screen.findByRole('list', {
      name: 'Awaiting your approval',
    });
    const link = within(list).getByRole('link', {
      name: 'payments: promotion into production',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/environments/promotions/p-7',
    );
    // The requester by the catalog's display name.
    await waitFor(() =>
      expect(list).toHaveTextContent(
        '1 of 2 approvals, requested by Carol Rivera',
      ),
    );
  });

  it('says when nothing awaits', async () => {
    render(async () => ({ promotions: [] }));
    expect(
      await screen.findByText('Nothing awaits your approval.'),
    ).toBeInTheDocument();
  });

  it('shows why the list could not be read', async () => {
    render(async () => {
      throw new Error('503 Service Unavailable');
    });
    expect(
      await screen.findByText('Error: 503 Service Unavailable'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
