import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { tooManyRequestsError } from '../../__testUtils__/tooManyRequestsError';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from './EnvironmentsContent';

// The backend answers 429 with Retry-After once a user spent their GitHub budget.
describe('EnvironmentsContent when the GitHub budget is spent', () => {
  it('says when to try again where the previews are shown', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.healthy);
    jest
      .spyOn(api, 'getPreviews')
      .mockRejectedValue(await tooManyRequestsError({ retryAfter: '42' }));
    await renderWithEntity(<EnvironmentsContent />, { api });
    const previews = await screen.findByRole('region', { name: 'Previews' });
    expect(
      await within(previews).findByText('Too many requests; try again in 42 s'),
    ).toBeInTheDocument();
  });

  it('says when to try again where the commits of a promotion are listed', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.healthy);
    jest
      .spyOn(api, 'getDiff')
      .mockRejectedValue(await tooManyRequestsError({ retryAfter: '42' }));
    await renderWithEntity(<EnvironmentsContent />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Promote to staging' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Too many requests; try again in 42 s',
    );
  });
});
