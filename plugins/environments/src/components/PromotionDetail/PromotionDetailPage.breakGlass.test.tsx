import { ConflictError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Promotion } from '@stageline/plugin-environments-common';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

// Rendering the whole tab is slow on a loaded machine.
jest.setTimeout(60_000);

const [latest, ...older] = scenarios.healthy.promotions;
const breakGlass: Promotion = {
  ...latest,
  id: 'p-bg',
  requestedBy: 'user:default/ana',
  reason: 'checkout 502s',
  breakGlass: { incident: 'https://incidents.acme.test/INC-7' },
};

const render = async (options: {
  userEntityRef?: string;
  denied?: string[];
}) => {
  const api = createMockEnvironmentsApi(() => ({
    ...scenarios.healthy,
    promotions: [breakGlass, ...older],
  }));
  const acknowledge = jest.spyOn(api, 'acknowledgeBreakGlass');
  // Listed first, so the mock serves it by id (the history's promotions are the scenario's).
  await api.getPromotions({
    kind: 'Component',
    namespace: 'default',
    name: 'checkout',
  });
  await renderWithEntity(<EnvironmentsContent />, {
    api,
    path: '/promotions/p-bg',
    ...options,
  });
  const facts = await screen.findByRole('group', { name: 'Promotion facts' });
  return { facts, acknowledge };
};

describe('PromotionDetailPage break glass', () => {
  it('lets an approver acknowledge it after confirming, then says who and when', async () => {
    const { facts, acknowledge } = await render({});
    expect(facts).toHaveTextContent('Break-glass, not acknowledged');
    expect(facts).toHaveTextContent('not yet: an approver acknowledges it');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Acknowledge break-glass' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Acknowledge the break-glass promotion into staging?',
    });
    expect(dialog).toHaveTextContent('Reason: checkout 502s');
    expect(acknowledge).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Acknowledge' }),
    );
    await waitFor(() => expect(acknowledge).toHaveBeenCalledWith('p-bg'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'You acknowledged the break-glass promotion into staging',
      ),
    );
    const after = await screen.findByRole('group', { name: 'Promotion facts' });
    await waitFor(() =>
      expect(after).toHaveTextContent('Break-glass, acknowledged by guest'),
    );
    expect(after.querySelector('dd time')).not.toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Acknowledge break-glass' }),
    ).toBeNull();
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Promotion into staging' }),
      ).toHaveFocus(),
    );
  });

  it('shows the backend’s refusal in the dialog', async () => {
    const { acknowledge } = await render({});
    acknowledge.mockRejectedValueOnce(
      new ConflictError('Promotion p-bg was already acknowledged by bo'),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Acknowledge break-glass' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Acknowledge' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Promotion p-bg was already acknowledged by bo',
    );
  });

  it('is not offered to the requester or to someone who may not approve', async () => {
    const { facts } = await render({ userEntityRef: 'user:default/ana' });
    expect(facts).toHaveTextContent('Break-glass, not acknowledged');
    expect(
      await screen.findByText(
        'You requested this break-glass promotion, so another approver acknowledges it.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Acknowledge break-glass' }),
    ).toBeNull();
  });

  it('offers no acknowledgement without the approve permission', async () => {
    await render({ denied: ['environments.approve'] });
    await screen.findByRole('heading', { name: 'Promotion into staging' });
    expect(
      screen.queryByRole('button', { name: 'Acknowledge break-glass' }),
    ).toBeNull();
  });
});
