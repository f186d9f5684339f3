import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { scenarios } from '../../testing/scenarios';
import { EnvironmentsContent } from '../EnvironmentsContent';

const render = async (scenario = scenarios.manyPreviews) => {
  const api = createMockEnvironmentsApi(() => scenario);
  const spies = {
    keepPreview: jest.spyOn(api, 'keepPreview'),
    extendPreview: jest.spyOn(api, 'extendPreview'),
    deletePreview: jest.spyOn(api, 'deletePreview'),
  };
  await renderWithEntity(<EnvironmentsContent />, { api });
  const table = await screen.findByRole('table', {
    name: 'Preview environments',
  });
  return { table, spies };
};
const rowOf = (table: HTMLElement, namespace: string) =>
  within(table).getByText(namespace).closest('tr')!;

describe('PreviewsTable', () => {
  it('lists every preview with its pull request, URL, health and expiry', async () => {
    const { table } = await render();
    expect(within(table).getAllByRole('row')).toHaveLength(15);
    const row = rowOf(table, 'feature-pr-4');
    expect(
      within(row).getByRole('link', { name: /^#4 Feature 4/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/checkout/pull/4');
    expect(row).toHaveTextContent('https://pr-4.preview.acme.test');
    expect(row).toHaveTextContent('healthy · 3/3 ready');
    expect(row).toHaveTextContent('4h ago');
    expect(row).toHaveTextContent('in 2d');
    expect(rowOf(table, 'feature-pr-3')).toHaveTextContent('never (kept)');
    expect(
      within(rowOf(table, 'feature-pr-6')).getByRole('alert'),
    ).toHaveTextContent('namespace not found');
  });

  it('offers no +24h on a kept preview, which never expires', async () => {
    const { table } = await render();
    const kept = rowOf(table, 'feature-pr-3');
    expect(
      within(kept).getByRole('button', { name: 'Unpin feature-pr-3' }),
    ).toBeInTheDocument();
    expect(within(kept).queryByRole('button', { name: /^Extend/ })).toBeNull();
    expect(kept).not.toHaveTextContent('+24h');
    // A preview that expires still offers it.
    expect(
      within(rowOf(table, 'feature-pr-1')).getByRole('button', {
        name: 'Extend feature-pr-1 by 24h',
      }),
    ).toHaveTextContent('+24h');
  });

  it('keeps and extends a preview', async () => {
    const { table, spies } = await render();
    const row = rowOf(table, 'feature-pr-1');
    await userEvent.click(
      within(row).getByRole('button', { name: 'Keep feature-pr-1' }),
    );
    await userEvent.click(
      within(row).getByRole('button', { name: 'Extend feature-pr-1 by 24h' }),
    );
    await waitFor(() =>
      expect(spies.extendPreview).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'checkout' }),
        'feature-pr-1',
        '24h',
      ),
    );
    expect(spies.keepPreview).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'checkout' }),
      'feature-pr-1',
      true,
    );
  });

  it('deletes only after confirmation, then drops the row', async () => {
    const { table, spies } = await render();
    await userEvent.click(
      within(rowOf(table, 'feature-pr-2')).getByRole('button', {
        name: 'Delete feature-pr-2',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(spies.deletePreview).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() =>
      expect(within(table).queryByText('feature-pr-2')).toBeNull(),
    );
    expect(spies.deletePreview).toHaveBeenCalledTimes(1);
  });

  it('never turns hostile URLs into links', async () => {
    /* eslint-disable no-script-url -- hostile fixtures on purpose */
    const hostile = {
      ...scenarios.healthy,
      previews: [
        {
          ...scenarios.healthy.previews[0],
          urls: ['javascript:alert(1)'],
          pullRequest: {
            number: 9,
            title: '<img src=x onerror=alert(1)>',
            url: 'javascript:alert(2)',
          },
        },
      ],
    };
    /* eslint-enable no-script-url */
    const { table } = await render(hostile);
    const hrefs = within(table)
      .queryAllByRole('link')
      .map(link => link.getAttribute('href'));
    // Only the version's source commit (built from the catalog slug) stays a link.
    expect(hrefs).toEqual([expect.stringMatching(/^https:\/\/github\.com\//)]);
    expect(within(table).queryByRole('link', { name: /#9/ })).toBeNull();
    expect(table).toHaveTextContent('#9 <img src=x onerror=alert(1)>');
    expect(table.querySelector('img')).toBeNull();
  });

  it('says when there are no previews', async () => {
    const api = createMockEnvironmentsApi(() => ({
      ...scenarios.healthy,
      previews: [],
    }));
    await renderWithEntity(<EnvironmentsContent />, { api });
    expect(
      await screen.findByText('No preview environments.'),
    ).toBeInTheDocument();
  });
});
