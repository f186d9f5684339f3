import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { screen, within } from '@testing-library/react';
import { EnvironmentCard } from '../EnvironmentCard';

const staging: EnvironmentState = {
  name: 'staging',
  namespace: 'checkout-staging',
  overlay: 'staging',
  protected: false,
  inFlight: [],
  sync: { status: 'in-sync', reason: 'runs what Git declares' },
  errors: [],
};

describe('AgentStatus on the environment card', () => {
  it('shows a synced Argo CD Application with its applied revision and a link to the Argo CD UI', async () => {
    await renderInTestApp(
      <EnvironmentCard
        env={{
          ...staging,
          agent: {
            kind: 'argo-cd',
            name: 'checkout-staging',
            namespace: 'argocd',
            cluster: 'mgmt',
            sync: 'synced',
            health: 'Healthy',
            appliedRevision: '0123456789abcdef0123456789abcdef01234567',
            appliedAt: '2026-12-01T10:00:05Z',
            url: 'https://argocd.example.com/applications/argocd/checkout-staging',
          },
        }}
      />,
    );
    const group = screen.getByRole('group', { name: 'GitOps agent' });
    expect(within(group).getByText('Argo CD:')).toBeInTheDocument();
    expect(within(group).getByRole('link')).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/argocd/checkout-staging',
    );
    expect(within(group).getByLabelText('Agent sync')).toHaveTextContent(
      'Synced',
    );
    expect(within(group).getByText('Healthy')).toBeInTheDocument();
    expect(within(group).getByText('0123456')).toBeInTheDocument();
  });

  it('names a Flux Kustomization without a link and shows its sync error', async () => {
    await renderInTestApp(
      <EnvironmentCard
        env={{
          ...staging,
          sync: {
            status: 'sync-failed',
            reason:
              'Flux Kustomization flux-system/checkout-staging failed to sync: kustomize build failed',
          },
          agent: {
            kind: 'flux',
            name: 'checkout-staging',
            namespace: 'flux-system',
            cluster: 'local',
            sync: 'sync-failed',
            health: 'NotReady',
            lastSyncError: 'kustomize build failed',
          },
        }}
      />,
    );
    expect(screen.getByLabelText('Sync status')).toHaveTextContent(
      'Sync failed',
    );
    const group = screen.getByRole('group', { name: 'GitOps agent' });
    expect(within(group).queryByRole('link')).toBeNull();
    expect(
      within(group).getByText('flux-system/checkout-staging'),
    ).toBeInTheDocument();
    expect(within(group).getByLabelText('Agent sync')).toHaveTextContent(
      'Sync failed',
    );
    expect(
      within(group).getByText('kustomize build failed'),
    ).toBeInTheDocument();
  });

  it('shows nothing about an agent when there is none', async () => {
    await renderInTestApp(<EnvironmentCard env={staging} />);
    expect(screen.queryByRole('group', { name: 'GitOps agent' })).toBeNull();
  });
});
