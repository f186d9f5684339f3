import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatImageReference } from '@stageline/plugin-environments-common';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

describe('HistoryTable', () => {
  it('lists who, from -> to, version, result and links, newest first', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.healthy);
    await renderWithEntity(<EnvironmentsContent />, { api });
    const table = await screen.findByRole('table', {
      name: 'Promotion history',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(scenarios.healthy.promotions.length);
    await waitFor(() => expect(rows[0]).toHaveTextContent('Ana Alvarez'));
    expect(rows[0]).toHaveTextContent('qa → staging');
    expect(rows[0]).toHaveTextContent('Succeeded');
    expect(
      within(rows[0]).getByRole('link', { name: /^PR #41/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/gitops/pull/41');
    expect(rows[rows.length - 1]).toHaveTextContent('Failed');
  });

  it('names who cancelled a promotion once', async () => {
    const [latest, ...rest] = scenarios.healthy.promotions;
    const cancelled = (stateReason?: string) => ({
      ...latest,
      state: 'cancelled' as const,
      cancelledBy: 'user:default/bob',
      ...(stateReason && { stateReason }),
    });
    const api = createMockEnvironmentsApi(() => ({
      ...scenarios.healthy,
      promotions: [
        cancelled('Cancelled by user:default/bob'),
        { ...cancelled(), id: 'p-other' },
        ...rest,
      ],
    }));
    await renderWithEntity(<EnvironmentsContent />, { api });
    const table = await screen.findByRole('table', {
      name: 'Promotion history',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    // The reason already names bob: no second "by bob".
    expect(within(rows[0]).getAllByText(/bob/)).toHaveLength(1);
    // Without a reason, the row still says who ended it (bob is not in the catalog: his name).
    expect(rows[1]).toHaveTextContent('by bob');
  });

  it('offers rollback only to earlier succeeded versions, and requests it', async () => {
    const api = createMockEnvironmentsApi(() => scenarios.healthy);
    const requestPromotion = jest.spyOn(api, 'requestPromotion');
    await renderWithEntity(<EnvironmentsContent />, { api });
    const table = await screen.findByRole('table', {
      name: 'Promotion history',
    });
    const buttons = await within(table).findAllByRole('button', {
      name: /Roll .* back/,
    });
    // staging runs V2 (p-1) so only p-2 (V1 into staging) is offered; production already runs V1.
    expect(buttons.map(b => b.getAttribute('aria-label'))).toEqual([
      'Roll staging back to 1111111@sha256:aaaaaaaaaaaa',
    ]);
    await userEvent.click(buttons[0]);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back' }),
    );
    const v1 = scenarios.healthy.environments.environments[2].desired!.image!;
    await waitFor(() =>
      expect(requestPromotion).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'checkout' }),
        expect.objectContaining({
          target: 'staging',
          version: formatImageReference(v1),
          rollback: true,
          idempotencyKey: expect.any(String),
        }),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
