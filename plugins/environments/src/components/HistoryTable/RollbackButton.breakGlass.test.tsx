import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { BREAK_GLASS_LABEL } from '../BreakGlassOption';
import { EnvironmentsContent } from '../EnvironmentsContent';

// Rendering the whole tab is slow on a loaded machine.
jest.setTimeout(60_000);

async function openRollback(denied: string[] = []) {
  const api = createMockEnvironmentsApi(() => scenarios.healthy);
  const requestPromotion = jest.spyOn(api, 'requestPromotion');
  await renderWithEntity(<EnvironmentsContent />, { api, denied });
  const table = await screen.findByRole('table', {
    name: 'Promotion history',
  });
  const [button] = await within(table).findAllByRole('button', {
    name: /Roll .* back/,
  });
  await userEvent.click(button);
  const dialog = await screen.findByRole('dialog');
  return { dialog, requestPromotion };
}

describe('RollbackButton break glass', () => {
  it('is not offered without the break-glass permission', async () => {
    const { dialog } = await openRollback(['environments.promote.breakglass']);
    expect(
      within(dialog).queryByRole('checkbox', { name: BREAK_GLASS_LABEL }),
    ).toBeNull();
  });

  it('needs its own reason and an incident link, then sends them with the rollback', async () => {
    const { dialog, requestPromotion } = await openRollback();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: BREAK_GLASS_LABEL }),
    );
    await userEvent.click(within(dialog).getByLabelText(/Incident link/));
    await userEvent.paste('https://incidents.acme.test/INC-9');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );
    // The default reason ("Rollback to …") is not one: break glass says why.
    const reason = within(dialog).getByLabelText(/Reason/);
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription(
      'Enter a reason: break glass needs one',
    );
    expect(requestPromotion).not.toHaveBeenCalled();

    await userEvent.click(reason);
    await userEvent.paste('staging returns 502s');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );
    await waitFor(() =>
      expect(requestPromotion).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'checkout' }),
        expect.objectContaining({
          target: 'staging',
          rollback: true,
          reason: 'staging returns 502s',
          breakGlass: { incident: 'https://incidents.acme.test/INC-9' },
        }),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]).toHaveTextContent(
        /^Break-glass rollback of staging to 1111111/,
      ),
    );
  });
});
