import { ConflictError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { scenarios } from '../../testing/scenarios';
import {
  cancelThroughDialog,
  renderInFlightPromotion,
} from './__testUtils__/renderInFlightPromotion';

// What the awaiting-approval scenario shows: p-9 carries V2 into production, which declares V1.
const SHOWN = {
  version: `ghcr.io/acme/checkout:2222222${'b'.repeat(33)}@sha256:${'b'.repeat(
    64,
  )}`,
  targetBase: `ghcr.io/acme/checkout:1111111${'a'.repeat(
    33,
  )}@sha256:${'a'.repeat(64)}`,
};

const render = (options: { userEntityRef: string; denied?: string[] }) =>
  renderInFlightPromotion(scenarios.awaitingApproval, options);

describe('InFlightPromotion', () => {
  it('shows the state, requester, reason and approvals so far on the target card', async () => {
    const { section } = await render({ userEntityRef: 'user:default/carla' });
    expect(section).toHaveTextContent('Promotion: Awaiting approval');
    expect(section).toHaveTextContent(
      'requested by Ana Alvarez: Weekly release',
    );
    expect(section).toHaveTextContent('1 of 2 approvals (Bo Berg)');
    expect(screen.getByLabelText('Environment production')).toContainElement(
      section,
    );
  });

  it('lets another user approve with a comment', async () => {
    const { section, decideApproval } = await render({
      userEntityRef: 'user:default/carla',
    });
    await userEvent.type(
      within(section).getByLabelText('Approval comment'),
      'LGTM',
    );
    await userEvent.click(
      within(section).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(decideApproval).toHaveBeenCalledWith('p-9', {
        decision: 'approve',
        comment: 'LGTM',
        ...SHOWN,
      }),
    );
    // The decision is announced, and focus lands on the section's heading.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'You approved the promotion into production',
      ),
    );
    expect(
      within(section).getByRole('heading', {
        name: 'Promotion: Awaiting approval',
      }),
    ).toHaveFocus();
  });

  it('lets another user reject', async () => {
    const { section, decideApproval } = await render({
      userEntityRef: 'user:default/carla',
    });
    await userEvent.click(
      within(section).getByRole('button', { name: 'Reject' }),
    );
    await waitFor(() =>
      expect(decideApproval).toHaveBeenCalledWith('p-9', {
        decision: 'reject',
        ...SHOWN,
      }),
    );
  });

  it('shows why an approval was refused when the promotion moved on since', async () => {
    const { section, decideApproval } = await render({
      userEntityRef: 'user:default/carla',
    });
    decideApproval.mockRejectedValueOnce(
      new ConflictError(
        'Promotion p-9 is now for ghcr.io/acme/checkout:3333333@sha256:ccc, not the version you were shown',
      ),
    );
    await userEvent.click(
      within(section).getByRole('button', { name: 'Approve' }),
    );
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      /is now for ghcr.io\/acme\/checkout:3333333/,
    );
  });

  it('tells the requester why they cannot approve, and lets them cancel', async () => {
    const { section, cancelPromotion } = await render({
      userEntityRef: 'user:default/ana',
    });
    expect(section).toHaveTextContent(
      'You requested this promotion, so you cannot approve it.',
    );
    expect(
      within(section).queryByRole('button', { name: 'Approve' }),
    ).toBeNull();
    await cancelThroughDialog(section, cancelPromotion, 'p-9');
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'production', level: 3 }),
      ).toHaveFocus(),
    );
  });

  it('offers no approve or cancel without permission', async () => {
    const { section } = await render({
      userEntityRef: 'user:default/carla',
      denied: ['environments.approve', 'environments.promote'],
    });
    expect(section).toHaveTextContent(
      'You may not approve promotions of this service.',
    );
    expect(within(section).queryByRole('button')).toBeNull();
  });
});
