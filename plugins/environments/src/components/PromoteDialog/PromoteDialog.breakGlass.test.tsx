import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatImageReference } from '@stageline/plugin-environments-common';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { type Scenario, scenarios } from '../../testing/scenarios';
import { BREAK_GLASS_LABEL } from '../BreakGlassOption';
import { EnvironmentsContent } from '../EnvironmentsContent';

const INCIDENT = 'https://incidents.acme.test/INC-7';

async function openDialog(
  scenario: Scenario,
  options: { denied?: string[] } = {},
) {
  const api = createMockEnvironmentsApi(() => scenario);
  const requestPromotion = jest.spyOn(api, 'requestPromotion');
  await renderWithEntity(<EnvironmentsContent />, { api, ...options });
  await userEvent.click(
    await screen.findByRole('button', { name: 'Promote to staging' }),
  );
  const dialog = await screen.findByRole('dialog');
  return { dialog, requestPromotion };
}

const requestButton = (dialog: HTMLElement) =>
  within(dialog).getByRole('button', { name: 'Request promotion' });

/** Puts text into a field as a user pasting it (typing key by key is slow in the dialog). */
async function typeInto(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

// The dialog's tests render the whole tab: slow on a loaded machine.
jest.setTimeout(60_000);

describe('PromoteDialog break glass', () => {
  it('is not offered without the break-glass permission', async () => {
    const { dialog } = await openDialog(scenarios.healthy, {
      denied: ['environments.promote.breakglass'],
    });
    expect(within(dialog).getByLabelText('Reason')).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('checkbox', { name: BREAK_GLASS_LABEL }),
    ).toBeNull();
    expect(within(dialog).queryByText(/Break glass/)).toBeNull();
  });

  it('says what it bypasses and never does, and asks for the incident only once chosen', async () => {
    const { dialog } = await openDialog(scenarios.healthy);
    const option = within(dialog).getByRole('checkbox', {
      name: BREAK_GLASS_LABEL,
    });
    expect(option).not.toBeChecked();
    expect(option).toHaveAccessibleDescription(
      /skips freeze windows, soak time, the source's health duration and approvals; it never skips the digest check .* or the rule of one promotion in flight/,
    );
    expect(within(dialog).queryByLabelText(/Incident link/)).toBeNull();
    await userEvent.click(option);
    expect(within(dialog).getByLabelText(/Incident link/)).toBeRequired();
    expect(within(dialog).getByLabelText(/Reason/)).toBeRequired();
  });

  it('requires an http(s) incident link and a reason, with each message on its field', async () => {
    const { dialog, requestPromotion } = await openDialog(scenarios.healthy);
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: BREAK_GLASS_LABEL }),
    );
    await userEvent.click(requestButton(dialog));
    const incident = within(dialog).getByLabelText(/Incident link/);
    expect(incident).toHaveFocus();
    expect(incident).toHaveAttribute('aria-invalid', 'true');
    expect(incident).toHaveAccessibleDescription(
      'Enter the incident link: break glass needs one',
    );
    await waitFor(() =>
      expect(within(dialog).getByRole('status')).toHaveTextContent(
        'Enter the incident link: break glass needs one',
      ),
    );

    await typeInto(incident, 'INC-7');
    expect(incident).toHaveAccessibleDescription(
      'Enter the incident as a web address starting with https:// or http://',
    );
    await userEvent.clear(incident);
    await typeInto(incident, INCIDENT);
    await userEvent.click(requestButton(dialog));
    const reason = within(dialog).getByLabelText(/Reason/);
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription(
      'Enter a reason: break glass needs one',
    );
    expect(requestPromotion).not.toHaveBeenCalled();
  });

  it('sends the incident and reason, and goes through gates it bypasses', async () => {
    const [qa] = scenarios.failingGates.environments.environments;
    const { dialog, requestPromotion } = await openDialog(
      scenarios.failingGates,
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: BREAK_GLASS_LABEL }),
    );
    await typeInto(within(dialog).getByLabelText(/Incident link/), INCIDENT);
    await typeInto(
      within(dialog).getByLabelText(/Reason/),
      'checkout 502s in staging',
    );
    await userEvent.click(requestButton(dialog));
    expect(requestPromotion).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'checkout' },
      {
        target: 'staging',
        version: formatImageReference(qa.desired!.image!),
        reason: 'checkout 502s in staging',
        breakGlass: { incident: INCIDENT },
        idempotencyKey: expect.any(String),
      },
    );
    expect(
      await within(dialog).findByRole('heading', {
        name: 'Promotion requested',
      }),
    ).toBeInTheDocument();
  });

  it('sends no breakGlass when the option is not chosen', async () => {
    const { dialog, requestPromotion } = await openDialog(scenarios.healthy);
    await userEvent.click(requestButton(dialog));
    await waitFor(() => expect(requestPromotion).toHaveBeenCalled());
    expect(requestPromotion.mock.calls[0][1]).not.toHaveProperty('breakGlass');
  });
});
