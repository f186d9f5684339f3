import { screen, within } from '@testing-library/react';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EntityEnvironmentsCard } from './EntityEnvironmentsCard';

describe('EntityEnvironmentsCard', () => {
  it('summarises each environment with its version and sync', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.brokenCluster);
    await renderWithEntity(<EntityEnvironmentsCard />, { api });
    const list = await screen.findByRole('list', {
      name: 'Environments summary',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(i => i.getAttribute('aria-label'))).toEqual([
      'qa',
      'staging',
      'production',
    ]);
    expect(items[0]).toHaveTextContent('3333333');
    expect(items[0]).toHaveTextContent('@cccccccccccc');
    expect(within(items[0]).getByTestId('status-ok')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('In sync');
    expect(items[1]).toHaveTextContent('Error');
    expect(within(items[1]).getByTestId('status-error')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the Environments tab/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/environments',
    );
  });
});
