import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PromotionDetail } from '@stageline/plugin-environments-common';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

const inFlight =
  scenarios.awaitingApproval.environments.environments[2].promotion!.inFlight!;
const detail: PromotionDetail = {
  ...inFlight,
  waitingFor: {
    kind: 'approvals',
    detail:
      '1 of 2 approvals: 1 more needed from people other than the requester',
  },
  links: {
    // A local GitOps repository: no web page to link to.
    commit: { sha: 'feedface00000000', url: 'file:///srv/gitops.git' },
    pullRequest: { number: 5, url: 'https://github.com/acme/gitops/pull/5' },
  },
  events: [
    {
      at: '2026-11-20T10:00:00Z',
      actor: 'user:default/ana',
      action: 'promotion.request',
      result: 'succeeded',
      message: 'Weekly release',
    },
    {
      at: '2026-11-20T11:00:00Z',
      actor: 'user:default/bo',
      action: 'promotion.approve',
      result: 'succeeded',
    },
  ],
};

const render = async (userEntityRef = 'user:default/carla') => {
  const api = createMockEnvironmentsApi(() => scenarios.awaitingApproval);
  jest.spyOn(api, 'getPromotion').mockResolvedValue(detail);
  const cancelPromotion = jest.spyOn(api, 'cancelPromotion');
  await renderWithEntity(<EnvironmentsContent />, {
    api,
    userEntityRef,
    path: '/promotions/p-9',
  });
  return { cancelPromotion };
};

describe('PromotionDetailPage', () => {
  it('shows the promotion’s facts with people by their display names', async () => {
    await render();
    const facts = await screen.findByRole('group', { name: 'Promotion facts' });
    expect(await within(facts).findByText('Ana Alvarez')).toBeInTheDocument();
    expect(facts).toHaveTextContent('Weekly release');
    expect(facts).toHaveTextContent('staging → production');
    expect(facts).toHaveTextContent('1 of 2: Bo Berg approved');
    expect(facts).toHaveTextContent('1 more needed from people other than');
    expect(facts).not.toHaveTextContent('user:default/ana');
  });

  it('names who rejected a rejected promotion, by display name', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.awaitingApproval);
    jest.spyOn(api, 'getPromotion').mockResolvedValue({
      ...detail,
      state: 'rejected',
      waitingFor: undefined,
      approvals: [
        {
          user: 'user:default/bo',
          decision: 'rejected',
          comment: 'error budget spent',
          at: '2026-11-20T11:00:00Z',
          valid: true,
        },
        {
          user: 'user:default/zoe',
          decision: 'approved',
          at: '2026-11-20T11:05:00Z',
          valid: true,
        },
      ],
    });
    await renderWithEntity(<EnvironmentsContent />, {
      api,
      path: '/promotions/p-9',
    });
    const facts = await screen.findByRole('group', { name: 'Promotion facts' });
    await waitFor(() =>
      expect(facts).toHaveTextContent(
        'Rejected byBo Berg ("error budget spent")',
      ),
    );
    // zoe approved (and is not in the catalog: her ref's name), but did not reject.
    expect(facts).toHaveTextContent('zoe approved');
    expect(facts).not.toHaveTextContent('Rejected byzoe');
  });

  it('says no one rejected a promotion that was not rejected', async () => {
    await render();
    const facts = await screen.findByRole('group', { name: 'Promotion facts' });
    await within(facts).findByText('Ana Alvarez');
    expect(facts).not.toHaveTextContent('Rejected by');
  });

  it('lists every audit event with its time, actor and action', async () => {
    await render();
    const events = await screen.findByRole('table', { name: 'Audit events' });
    const rows = within(events).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('promotion.request');
    await waitFor(() => expect(rows[1]).toHaveTextContent('Bo Berg'));
    const time = rows[0].querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', '2026-11-20T10:00:00Z');
    expect(time.getAttribute('title')).toMatch(/2026/);
  });

  it('links the pull request but never a local repository', async () => {
    await render();
    const page = await screen.findByRole('region', { name: 'Promotion' });
    expect(within(page).getByRole('link', { name: /^PR #5/ })).toHaveAttribute(
      'href',
      'https://github.com/acme/gitops/pull/5',
    );
    expect(page).toHaveTextContent('commit feedfac');
    expect(within(page).queryByRole('link', { name: /^commit/ })).toBeNull();
  });

  it('cancels only after confirmation', async () => {
    const { cancelPromotion } = await render('user:default/ana');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel promotion' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(cancelPromotion).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel promotion' }),
    );
    await waitFor(() => expect(cancelPromotion).toHaveBeenCalledWith('p-9'));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Promotion into production' }),
      ).toHaveFocus(),
    );
  });
});
