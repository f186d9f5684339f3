import { screen, within } from '@testing-library/react';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { type Scenario, scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from './EnvironmentsContent';

const render = (
  scenario: Scenario,
  options: { denied?: string[]; userEntityRef?: string } = {},
) => {
  const api = createMockEnvironmentsApi(() => scenario);
  return renderWithEntity(<EnvironmentsContent />, { api, ...options });
};
const card = (name: string) => screen.findByLabelText(`Environment ${name}`);
const promoteButton = (target: string) =>
  screen.findByRole('button', { name: `Promote to ${target}` });

describe('EnvironmentsContent', () => {
  it('shows the healthy chain in order with versions, health and source commit links', async () => {
    await render(scenarios.healthy);
    const chain = await screen.findByRole('list', { name: 'Promotion chain' });
    const names = within(chain)
      .getAllByRole('heading', { level: 3 })
      .map(h => h.textContent);
    expect(names).toEqual(['qa', 'staging', 'production']);

    const qa = await card('qa');
    const desired = within(qa).getByLabelText('Desired version');
    const tag =
      scenarios.healthy.environments.environments[0].desired!.image!.tag!;
    expect(
      within(desired).getByRole('link', { name: /Source commit/ }),
    ).toHaveAttribute('href', `https://github.com/acme/checkout/commit/${tag}`);
    expect(desired).toHaveTextContent(`${tag.slice(0, 7)} @cccccccccccc`);
    expect(within(qa).getByLabelText('Health')).toHaveTextContent(
      'healthy · 3/3 ready · 0 restarts · rollout complete',
    );
    expect(within(qa).getByLabelText('Sync status')).toHaveTextContent(
      'In sync',
    );
    expect(await promoteButton('staging')).toBeEnabled();
    const toProduction = screen.getByRole('group', {
      name: 'Promote staging to production',
    });
    expect(toProduction).toHaveTextContent('needs 2 approvals');
  });

  it('shows drift with its reason', async () => {
    await render(scenarios.drift);
    const staging = await card('staging');
    expect(within(staging).getByLabelText('Sync status')).toHaveTextContent(
      'Drifted',
    );
    expect(within(staging).getByText('Drift')).toBeInTheDocument();
    expect(within(staging).getByLabelText('Sync reason')).toHaveTextContent(
      'Cluster runs 1111111 but Git declares 2222222',
    );
  });

  it('disables Promote with the failing gates as the reason', async () => {
    await render(scenarios.failingGates);
    expect(await promoteButton('staging')).toBeDisabled();
    const group = screen.getByRole('group', { name: 'Promote qa to staging' });
    expect(group).toHaveTextContent('soak time: 36m left (1h required)');
    expect(group).toHaveTextContent('freeze until 2026-12-27T00:00:00Z');
    expect(group).not.toHaveTextContent('qa healthy for 24m');
    expect(await promoteButton('production')).toBeEnabled();
  });

  it('keeps the other environments when one cluster is unreachable', async () => {
    await render(scenarios.brokenCluster);
    const staging = await card('staging');
    expect(within(staging).getByRole('alert')).toHaveTextContent(
      "Cluster: cluster 'eu-1' unreachable: ECONNREFUSED",
    );
    expect(within(staging).getByLabelText('Live version')).toHaveTextContent(
      '—',
    );
    expect(
      within(await card('production')).getByLabelText('Health'),
    ).toBeInTheDocument();
  });

  it('without promote permission, says so on every arrow', async () => {
    await render(scenarios.healthy, { denied: ['environments.promote'] });
    expect(
      await screen.findByText('You may not promote to staging'),
    ).toBeInTheDocument();
    expect(await promoteButton('staging')).toBeDisabled();
    expect(await promoteButton('production')).toBeDisabled();
  });

  it('needs the protected permission for a protected target only', async () => {
    await render(scenarios.healthy, {
      denied: ['environments.promote.protected'],
    });
    expect(
      await screen.findByText('You may not promote to production'),
    ).toBeInTheDocument();
    expect(await promoteButton('production')).toBeDisabled();
    expect(await promoteButton('staging')).toBeEnabled();
  });

  it('hides rollback and preview actions without their permissions', async () => {
    await render(scenarios.healthy, {
      denied: ['environments.rollback', 'environments.preview.delete'],
    });
    await screen.findByRole('table', { name: 'Promotion history' });
    await screen.findByRole('table', { name: 'Preview environments' });
    expect(screen.queryByRole('button', { name: /Roll .* back/ })).toBeNull();
    expect(
      screen.queryByRole('button', { name: /Delete feature-pr/ }),
    ).toBeNull();
  });

  it('shows one failing endpoint as an error and the rest of the tab', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.healthy);
    api.getPromotions = async () => {
      throw new Error('history store down');
    };
    await renderWithEntity(<EnvironmentsContent />, { api });
    expect(
      (await screen.findAllByText(/history store down/)).length,
    ).toBeGreaterThan(0);
    expect(
      await screen.findByRole('list', { name: 'Promotion chain' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Promotion history' }),
    ).toBeNull();
  });
});
