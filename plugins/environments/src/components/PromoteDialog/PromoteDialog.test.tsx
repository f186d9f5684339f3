import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatImageReference } from '@stageline/plugin-environments-common';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

const [qa, staging] = scenarios.healthy.environments.environments;

async function openDialog() {
  const api = createMockEnvironmentsApi(() => scenarios.healthy);
  const spies = {
    requestPromotion: jest.spyOn(api, 'requestPromotion'),
    getDiff: jest.spyOn(api, 'getDiff'),
    getEnvironments: jest.spyOn(api, 'getEnvironments'),
  };
  await renderWithEntity(<EnvironmentsContent />, { api });
  await userEvent.click(
    await screen.findByRole('button', { name: 'Promote to staging' }),
  );
  const dialog = await screen.findByRole('dialog');
  return { api, spies, dialog };
}

describe('PromoteDialog', () => {
  it('shows from -> to, the version, its commits and the gates', async () => {
    const { dialog, spies } = await openDialog();
    expect(
      within(dialog).getByText('Promote qa → staging'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByLabelText('Version to promote'),
    ).toHaveTextContent(qa.desired!.image!.tag!.slice(0, 7));
    const commits = await within(dialog).findByRole('list', {
      name: 'Commits',
    });
    expect(commits).toHaveTextContent('Retry payment capture on 502');
    expect(commits).not.toHaveTextContent('long body');
    expect(
      within(commits).getByRole('link', { name: /^PR #12/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/checkout/pull/12');
    expect(spies.getDiff).toHaveBeenCalledWith(expect.anything(), {
      from: formatImageReference(staging.desired!.image!),
      to: formatImageReference(qa.desired!.image!),
    });
    const gates = within(dialog).getByRole('list', { name: 'Gates' });
    expect(within(gates).getAllByRole('listitem')).toHaveLength(5);
    expect(
      within(dialog).getByText('No approvals needed.'),
    ).toBeInTheDocument();
  });

  it('submits once with an idempotency key, then follows the promotion', async () => {
    const { dialog, spies } = await openDialog();
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'ship it');
    const submit = within(dialog).getByRole('button', {
      name: 'Request promotion',
    });
    await userEvent.click(submit);

    expect(spies.requestPromotion).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'checkout' },
      {
        target: 'staging',
        version: formatImageReference(qa.desired!.image!),
        reason: 'ship it',
        idempotencyKey: expect.stringMatching(/^[0-9a-f-]{32,36}$/),
      },
    );
    const progress = await within(dialog).findByRole('list', {
      name: 'Promotion progress',
    });
    expect(progress).toHaveTextContent('Requested');
    await waitFor(() =>
      expect(
        within(progress).getByText('Writing to Git').closest('li'),
      ).toHaveAttribute('aria-current', 'step'),
    );
    expect(
      within(dialog).queryByRole('button', { name: 'Request promotion' }),
    ).toBeNull();
    // The request's own gates are no longer shown, and focus moved to what replaced the button.
    expect(within(dialog).queryByRole('list', { name: 'Gates' })).toBeNull();
    expect(
      within(dialog).getByRole('heading', { name: 'Promotion requested' }),
    ).toHaveFocus();
    // Each new state is announced once, in the dialog's status region.
    await waitFor(() =>
      expect(within(dialog).getByRole('status')).toHaveTextContent(
        /Promotion into staging: (Writing to Git|Waiting for merge)/,
      ),
    );
    // The chain is re-read right after the action.
    expect(spies.getEnvironments.mock.calls.length).toBeGreaterThan(1);
  });

  it('shows the server reason when the request is refused', async () => {
    const { dialog, spies } = await openDialog();
    spies.requestPromotion.mockRejectedValueOnce(
      Object.assign(new Error('soak time: 12m left'), {
        name: 'ConflictError',
      }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request promotion' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'soak time: 12m left',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Request promotion' }),
    ).toBeEnabled();
  });
});
