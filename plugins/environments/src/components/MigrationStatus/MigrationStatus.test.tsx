import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  EnvironmentState,
  LiveState,
  MigrationState,
} from '@stageline/plugin-environments-common';
import { screen, within } from '@testing-library/react';
import { EnvironmentCard } from '../EnvironmentCard';

const IMAGE = 'registry.example.com/shop/checkout';

const live: LiveState = {
  cluster: 'local',
  namespace: 'checkout-staging',
  workloads: [],
  image: { name: IMAGE, tag: 'v2' },
  digests: [],
  replicas: { desired: 1, updated: 1, ready: 1, available: 1 },
  rollout: 'complete',
  restarts: 0,
  health: 'healthy',
  reasons: [],
};

function staging(migration?: MigrationState): EnvironmentState {
  return {
    name: 'staging',
    namespace: 'checkout-staging',
    overlay: 'staging',
    protected: false,
    inFlight: [],
    sync: { status: 'in-sync', reason: 'runs what Git declares' },
    errors: [],
    live: { ...live, ...(migration && { migration }) },
  };
}

describe('MigrationStatus on the environment card', () => {
  it('shows a running migrations Job with the version it migrates to', async () => {
    await renderInTestApp(
      <EnvironmentCard
        env={staging({
          job: 'checkout-migrate-v3',
          image: { name: IMAGE, tag: 'v3' },
          phase: 'running',
          startedAt: '2026-12-01T10:00:00Z',
        })}
      />,
    );
    const group = screen.getByRole('group', { name: 'Migrations' });
    expect(within(group).getByText('checkout-migrate-v3')).toBeInTheDocument();
    expect(
      within(group).getByRole('group', { name: 'Migrations status' }),
    ).toHaveTextContent('Running');
    expect(within(group).getByText('v3')).toBeInTheDocument();
  });

  it('shows why a failed migrations Job failed', async () => {
    await renderInTestApp(
      <EnvironmentCard
        env={staging({
          job: 'checkout-migrate-v3',
          image: { name: IMAGE, tag: 'v3' },
          phase: 'failed',
          message:
            'BackoffLimitExceeded: Job has reached the specified backoff limit; last pod: relation "orders" already exists',
          completedAt: '2026-12-01T10:01:00Z',
        })}
      />,
    );
    const group = screen.getByRole('group', { name: 'Migrations' });
    expect(
      within(group).getByRole('group', { name: 'Migrations status' }),
    ).toHaveTextContent('Failed');
    expect(
      within(group).getByText(/last pod: relation "orders" already exists/),
    ).toBeInTheDocument();
  });

  it('shows nothing when the service has no migrations Job', async () => {
    await renderInTestApp(<EnvironmentCard env={staging()} />);
    expect(
      screen.queryByRole('group', { name: 'Migrations' }),
    ).not.toBeInTheDocument();
  });
});
