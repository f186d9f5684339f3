import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { screen, within } from '@testing-library/react';
import { EnvironmentCard } from './EnvironmentCard';

const production: EnvironmentState = {
  name: 'production',
  namespace: 'checkout',
  cluster: 'prod-eu',
  overlay: 'production',
  protected: true,
  inFlight: [],
  sync: { status: 'unknown', reason: "cluster 'prod-eu' cannot be reached" },
  errors: [],
};

const render = (env: Partial<EnvironmentState>) =>
  renderInTestApp(<EnvironmentCard env={{ ...production, ...env }} />);

describe('EnvironmentCard', () => {
  it('shows the service’s URLs and the configured links as external links', async () => {
    await render({
      urls: ['https://shop.example.com/', 'https://shop.example.com/api'],
      links: [
        {
          title: 'Logs',
          url: 'https://grafana.example.com/explore?ns=checkout&c=prod-eu',
        },
        { title: 'Dashboard', url: 'https://grafana.example.com/d/checkout' },
      ],
    });
    const group = screen.getByRole('group', { name: 'Links of production' });
    const links = within(group).getAllByRole('link');
    // Screen readers hear that each opens a new window.
    expect(links[0]).toHaveAccessibleName(
      'https://shop.example.com/, Opens in a new window',
    );
    expect(
      links.map(link => [
        link.textContent?.replace(', Opens in a new window', ''),
        link.getAttribute('href'),
      ]),
    ).toEqual([
      ['https://shop.example.com/', 'https://shop.example.com/'],
      ['https://shop.example.com/api', 'https://shop.example.com/api'],
      ['Logs', 'https://grafana.example.com/explore?ns=checkout&c=prod-eu'],
      ['Dashboard', 'https://grafana.example.com/d/checkout'],
    ]);
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });

  it('names the environment’s cluster', async () => {
    await render({});
    expect(
      screen.getByText(/namespace checkout · cluster prod-eu · protected/),
    ).toBeInTheDocument();
  });

  it('shows no links section when there are neither URLs nor links', async () => {
    await render({ urls: [] });
    expect(screen.queryByRole('group', { name: /Links of/ })).toBeNull();
    expect(screen.queryAllByRole('link')).toEqual([]);
  });

  it('never turns a URL that is not http(s) into a link', async () => {
    /* eslint-disable no-script-url -- hostile fixtures on purpose */
    await render({
      urls: ['javascript:alert(1)'],
      links: [{ title: 'Logs', url: 'javascript:alert(2)' }],
    });
    /* eslint-enable no-script-url */
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(
      screen.getByRole('group', { name: 'Links of production' }),
    ).toHaveTextContent('Logs');
  });

  it('marks a live state read before an outage as last known, never as current', async () => {
    await render({
      live: {
        cluster: 'prod-eu',
        namespace: 'checkout',
        workloads: [],
        image: { name: 'registry.example.com/shop/checkout', tag: 'v7' },
        digests: [],
        replicas: { desired: 2, updated: 2, ready: 2, available: 2 },
        rollout: 'complete',
        restarts: 0,
        health: 'healthy',
        reasons: [],
      },
      liveAsOf: new Date(Date.now() - 5 * 60_000).toISOString(),
    });
    const live = screen.getByLabelText('Live version');
    expect(live).toHaveTextContent('v7');
    expect(live).toHaveTextContent(/last known, 5m ago/);
  });
});
