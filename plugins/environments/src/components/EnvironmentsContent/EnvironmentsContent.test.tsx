import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
    expect(desired).toHaveTextContent(tag.slice(0, 7));
    expect(desired).toHaveTextContent('@cccccccccccc');
    expect(within(qa).getByLabelText('Health')).toHaveTextContent(
      'healthy · 3/3 ready · 0 restarts · rollout complete',
    );
    expect(within(qa).getByLabelText('Sync status')).toHaveTextContent(
      'In sync',
    );
    expect(
      within(qa).getByTestId('status-ok').closest('[data-status]'),
    ).toHaveTextContent('In sync');
    expect(await promoteButton('staging')).not.toHaveAttribute('aria-disabled');
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
    expect(within(staging).getByLabelText('Reason')).toHaveTextContent(
      'Cluster runs 1111111 but Git declares 2222222',
    );
  });

  it('blocks Promote with its first reason, the others behind Details', async () => {
    // Without break-glass, which could bypass both gates.
    await render(scenarios.failingGates, {
      denied: ['environments.promote.breakglass'],
    });
    const button = await promoteButton('staging');
    // Blocked, yet focusable and described by its reason.
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).not.toBeDisabled();
    // (Moving focus onto it is checked end to end, in the browser.)
    expect(button).toHaveAccessibleDescription(
      'soak time: 36m left (1h required)',
    );
    const group = screen.getByRole('group', { name: 'Promote qa to staging' });
    expect(group).not.toHaveTextContent('freeze until 2026-12-27T00:00:00Z');
    await userEvent.click(
      within(group).getByRole('button', {
        name: 'Why promoting to staging is blocked',
      }),
    );
    // Queried afresh: the app may re-render the tab while icons load.
    const details = () =>
      screen.getByRole('group', { name: 'Promote qa to staging' });
    await waitFor(() =>
      expect(details()).toHaveTextContent('freeze until 2026-12-27T00:00:00Z'),
    );
    expect(details()).not.toHaveTextContent('qa healthy for 24m');
    // Clicking a blocked Promote opens nothing.
    await userEvent.click(await promoteButton('staging'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await promoteButton('production')).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('lets a break-glass holder open Promote while only gates it bypasses fail', async () => {
    await render(scenarios.failingGates);
    const button = await promoteButton('staging');
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(button).toHaveAccessibleDescription(
      'soak time: 36m left (1h required) (you may still break glass)',
    );
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'A request now is refused by the gates above; you may break glass.',
    );
  });

  it('keeps Promote blocked for a break-glass holder when a gate it never bypasses fails', async () => {
    const [qa, staging, production] =
      scenarios.failingGates.environments.environments;
    const gates = staging.promotion!.gates.concat({
      id: 'digest-verified',
      passed: false,
      reason: 'staging runs no digest of the candidate',
      blocksRequest: true,
    });
    await render({
      ...scenarios.failingGates,
      environments: {
        ...scenarios.failingGates.environments,
        environments: [
          qa,
          { ...staging, promotion: { ...staging.promotion!, gates } },
          production,
        ],
      },
    });
    expect(await promoteButton('staging')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('lists break-glass promotions awaiting acknowledgement, linking to each', async () => {
    const [latest, ...older] = scenarios.healthy.promotions;
    await render({
      ...scenarios.healthy,
      promotions: [
        {
          ...latest,
          id: 'p-bg',
          reason: 'checkout 502s',
          breakGlass: { incident: 'https://incidents.acme.test/INC-7' },
        },
        {
          ...older[0],
          id: 'p-acked',
          breakGlass: {
            incident: 'https://incidents.acme.test/INC-6',
            acknowledgedBy: 'user:default/bo',
            acknowledgedAt: older[0].createdAt,
          },
        },
        ...older.slice(1),
      ],
    });
    const list = await screen.findByRole('region', {
      name: 'Break-glass promotions awaiting acknowledgement',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('checkout 502s');
    expect(
      within(items[0]).getByRole('link', {
        name: `${latest.kind === 'rollback' ? 'Rollback' : 'Promotion'} into ${
          latest.target
        }`,
      }),
    ).toHaveAttribute('href', expect.stringMatching(/\/promotions\/p-bg$/));
    expect(
      within(items[0]).getByRole('link', { name: /^Incident of the/ }),
    ).toHaveAttribute('href', 'https://incidents.acme.test/INC-7');
  });

  it('shows no break-glass list when every one is acknowledged', async () => {
    await render(scenarios.healthy);
    await screen.findByRole('list', { name: 'Promotion chain' });
    expect(
      screen.queryByRole('region', {
        name: 'Break-glass promotions awaiting acknowledgement',
      }),
    ).toBeNull();
  });

  it('names a promotion in flight in plain words, never by its id', async () => {
    const [qa, staging, production] =
      scenarios.awaitingApproval.environments.environments;
    await render({
      ...scenarios.awaitingApproval,
      environments: {
        ...scenarios.awaitingApproval.environments,
        environments: [
          qa,
          staging,
          {
            ...production,
            promotion: { ...production.promotion!, ready: false },
          },
        ],
      },
    });
    const group = await screen.findByRole('group', {
      name: 'Promote staging to production',
    });
    expect(group).toHaveTextContent(
      'Another promotion into production is in progress',
    );
    expect(group).not.toHaveTextContent('p-9');
  });

  it('shows an environment’s reason once, with the rest on demand', async () => {
    const sentence = "cluster 'eu-1' unreachable: ECONNREFUSED";
    const [qa, staging, production] =
      scenarios.brokenCluster.environments.environments;
    const blockedBy = (target: string) => ({
      ...production.promotion!,
      target,
      ready: false,
      gates: [
        {
          id: 'source-healthy' as const,
          passed: false,
          reason: `Cluster: ${sentence}`,
          blocksRequest: true,
        },
      ],
    });
    await render({
      ...scenarios.brokenCluster,
      environments: {
        ...scenarios.brokenCluster.environments,
        environments: [
          qa,
          staging,
          { ...production, promotion: blockedBy('production') },
        ],
      },
    });
    const stagingCard = await card('staging');
    expect(screen.getAllByText(new RegExp(sentence))).toHaveLength(1);
    expect(within(stagingCard).getByLabelText('Reason')).toHaveTextContent(
      sentence,
    );
    expect(stagingCard).not.toHaveTextContent('The cluster could not be read');
    await userEvent.click(
      within(stagingCard).getByRole('button', { name: 'Details of staging' }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Environment staging')).toHaveTextContent(
        'The cluster could not be read',
      ),
    );
    const toProduction = screen.getByRole('group', {
      name: 'Promote staging to production',
    });
    expect(toProduction).toHaveTextContent(
      'Blocked: see the reason shown for staging',
    );
  });

  it('shows each sync state with its icon and word', async () => {
    const states = [
      ['in-sync', 'In sync', 'status-ok'],
      ['waiting-for-sync', 'Waiting for sync', 'status-pending'],
      ['rolling-out', 'Rolling out', 'status-running'],
      ['drifted', 'Drifted', 'status-warning'],
      ['degraded', 'Degraded', 'status-error'],
      ['tag-moved', 'Tag moved', 'status-warning'],
      ['missing', 'Missing', 'status-error'],
      ['unknown', 'Unknown', 'status-aborted'],
    ] as const;
    const [qa] = scenarios.healthy.environments.environments;
    await render({
      ...scenarios.healthy,
      environments: {
        ...scenarios.healthy.environments,
        environments: states.map(([status]) => ({
          ...qa,
          name: status,
          sync: { status, reason: `because ${status}` },
        })),
      },
    });
    for (const [status, word, icon] of states) {
      const sync = within(await card(status)).getByLabelText('Sync status');
      expect(sync).toHaveTextContent(word);
      expect(within(sync).getByTestId(icon)).toBeInTheDocument();
    }
  });

  it('keeps the other environments when one cluster is unreachable', async () => {
    await render(scenarios.brokenCluster);
    const staging = await card('staging');
    expect(within(staging).getByLabelText('Reason')).toHaveTextContent(
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
    expect(await promoteButton('staging')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(await promoteButton('production')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('needs the protected permission for a protected target only', async () => {
    await render(scenarios.healthy, {
      denied: ['environments.promote.protected'],
    });
    expect(
      await screen.findByText('You may not promote to production'),
    ).toBeInTheDocument();
    expect(await promoteButton('production')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(await promoteButton('staging')).not.toHaveAttribute('aria-disabled');
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
