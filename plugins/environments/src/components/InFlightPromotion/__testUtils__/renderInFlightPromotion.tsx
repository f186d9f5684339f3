import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockEnvironmentsApi } from '../../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';
import type { Scenario } from '../../../testing/scenarios';
import { EnvironmentsContent } from '../../EnvironmentsContent';

/**
 * Renders the environments tab for `scenario` as `userEntityRef` and returns the section of the
 * promotion in flight, with spies on the API calls it makes.
 */
export async function renderInFlightPromotion(
  scenario: Scenario,
  options: { userEntityRef: string; denied?: string[] },
) {
  const api = createMockEnvironmentsApi(() => scenario);
  const decideApproval = jest.spyOn(api, 'decideApproval');
  const cancelPromotion = jest.spyOn(api, 'cancelPromotion');
  await renderWithEntity(<EnvironmentsContent />, { api, ...options });
  const section = await screen.findByRole('region', {
    name: 'Promotion in flight',
  });
  return { section, decideApproval, cancelPromotion };
}

/**
 * Cancels promotion `id` from its section, checking that the API is called only once the dialog
 * confirmed it and that the cancellation is announced.
 */
export async function cancelThroughDialog(
  section: HTMLElement,
  cancelPromotion: jest.SpyInstance,
  id: string,
) {
  await userEvent.click(
    within(section).getByRole('button', { name: 'Cancel promotion' }),
  );
  const dialog = await screen.findByRole('dialog');
  expect(cancelPromotion).not.toHaveBeenCalled();
  await userEvent.click(
    within(dialog).getByRole('button', { name: 'Cancel promotion' }),
  );
  await waitFor(() => expect(cancelPromotion).toHaveBeenCalledWith(id));
  await waitFor(() =>
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(
      'Promotion into production cancelled',
    ),
  );
}
