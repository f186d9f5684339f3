import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { type Scenario, scenarios } from '../../testing/scenarios';
import { exactTime } from '../Timestamp';
import { EnvironmentsContent } from '../EnvironmentsContent';

async function openDialog(scenario: Scenario, denied: string[] = []) {
  const api = createMockEnvironmentsApi(() => scenario);
  const requestPromotion = jest.spyOn(api, 'requestPromotion');
  await renderWithEntity(<EnvironmentsContent />, { api, denied });
  await userEvent.click(
    await screen.findByRole('button', { name: 'Promote to staging' }),
  );
  const dialog = await screen.findByRole('dialog');
  return { dialog, requestPromotion };
}

const request = (dialog: HTMLElement) =>
  userEvent.click(
    within(dialog).getByRole('button', { name: 'Request promotion' }),
  );

// The dialog's tests render the whole tab: slow on a loaded machine.
jest.setTimeout(60_000);

describe('PromoteDialog schedule', () => {
  it('runs later: sends the chosen local time as an instant', async () => {
    const { dialog, requestPromotion } = await openDialog(scenarios.healthy);
    expect(within(dialog).queryByLabelText(/Not before/)).toBeNull();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Run later' }),
    );
    const time = within(dialog).getByLabelText(/Not before/);
    fireEvent.change(time, { target: { value: '2030-01-02T03:04' } });
    const instant = new Date('2030-01-02T03:04').toISOString();
    // The exact instant, with its zone, is said back.
    expect(time).toHaveAccessibleDescription(
      `Runs at ${exactTime(instant)} or later`,
    );
    await request(dialog);
    await waitFor(() =>
      expect(requestPromotion).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ schedule: { notBefore: instant } }),
      ),
    );
  });

  it('refuses a time in the past on its field, sending nothing', async () => {
    const { dialog, requestPromotion } = await openDialog(scenarios.healthy);
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Run later' }),
    );
    const time = within(dialog).getByLabelText(/Not before/);
    fireEvent.change(time, { target: { value: '2020-01-02T03:04' } });
    await request(dialog);
    expect(time).toHaveFocus();
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(time).toHaveAccessibleDescription('Choose a time in the future');
    expect(requestPromotion).not.toHaveBeenCalled();
  });

  it('offers to run when the freeze ends only in a freeze window', async () => {
    const { dialog } = await openDialog(scenarios.healthy);
    expect(
      within(dialog).getByRole('checkbox', { name: 'Run later' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('checkbox', {
        name: 'Run when the freeze ends',
      }),
    ).toBeNull();
  });

  it('in a freeze window, opens and sends a request to run when it ends', async () => {
    const { dialog, requestPromotion } = await openDialog(scenarios.frozen, [
      'environments.promote.breakglass',
    ]);
    const option = within(dialog).getByRole('checkbox', {
      name: 'Run when the freeze ends',
    });
    expect(option).toHaveAccessibleDescription(
      new RegExp(
        `in a freeze window until ${exactTime('2026-12-27T00:00:00Z')}`,
      ),
    );
    expect(dialog).toHaveTextContent(
      'A request now is refused by the gates above; you may run it when the freeze ends.',
    );
    await userEvent.click(option);
    await request(dialog);
    await waitFor(() =>
      expect(requestPromotion).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ schedule: { whenFreezeEnds: true } }),
      ),
    );
    expect(
      await within(dialog).findByText(/Scheduled: its scheduled time/),
    ).toBeInTheDocument();
  });
});
