import { screen, within } from '@testing-library/react';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { exactTime } from '../Timestamp';
import {
  cancelThroughDialog,
  renderInFlightPromotion,
} from './__testUtils__/renderInFlightPromotion';
import { EnvironmentsContent } from '../EnvironmentsContent';

// Rendering the whole tab is slow on a loaded machine.
jest.setTimeout(60_000);

const AT = '2027-01-04T08:00:00.000Z';

describe('InFlightPromotion scheduled', () => {
  it('says when it runs, in exact local time, and cancels like any in flight', async () => {
    const { section, cancelPromotion } = await renderInFlightPromotion(
      scenarios.scheduled,
      { userEntityRef: 'user:default/ana' },
    );
    expect(
      within(section).getByRole('heading', { name: 'Promotion: Scheduled' }),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent(`Scheduled for ${exactTime(AT)}`);
    expect(within(section).getByTestId('scheduled-for')).toHaveAttribute(
      'dateTime',
      AT,
    );

    await cancelThroughDialog(section, cancelPromotion, 'p-11');
  });

  it('shows the schedule and the scheduled step in the detail view', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.scheduled);
    await renderWithEntity(<EnvironmentsContent />, {
      api,
      path: '/promotions/p-11',
    });
    // The chain read makes the mock know the promotion in flight, as the backend does.
    const facts = await screen.findByRole(
      'group',
      { name: 'Promotion facts' },
      { timeout: 20_000 },
    );
    expect(facts).toHaveTextContent(`not before ${exactTime(AT)}`);
    expect(facts).toHaveTextContent(`Scheduled for ${exactTime(AT)}`);
    const progress = screen.getByRole('list', { name: 'Promotion progress' });
    expect(
      within(progress).getByText('Scheduled').closest('li'),
    ).toHaveAttribute('aria-current', 'step');
  });
});
