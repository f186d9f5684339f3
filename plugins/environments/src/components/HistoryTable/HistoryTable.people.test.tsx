import { screen, waitFor, within } from '@testing-library/react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { createMockEnvironmentsApi } from '../../testing/createMockEnvironmentsApi';
import { promotion } from '../../testing/scenarioBuilders';
import { scenarios } from '../../testing/scenarios';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { testUserEntities } from '../../__testUtils__/testUserEntities';
import { EnvironmentsContent } from '../EnvironmentsContent';

const decision = (
  user: string,
  choice: 'approved' | 'rejected',
  valid = true,
) => ({
  user,
  decision: choice,
  at: '2026-11-20T10:00:00Z',
  valid,
});

const rows = async () => {
  const table = await screen.findByRole('table', { name: 'Promotion history' });
  return within(table).getAllByRole('row').slice(1);
};

describe('HistoryTable people', () => {
  it('names requester, approvers and who rejected by display name, from one catalog request', async () => {
    const catalogApi = catalogApiMock({ entities: testUserEntities });
    const getEntitiesByRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
    const api = createMockEnvironmentsApi(() => ({
      ...scenarios.healthy,
      promotions: [
        promotion({
          id: 'p-rejected',
          target: 'production',
          state: 'rejected',
          requestedBy: 'user:default/bo',
          approvalsRequired: 2,
          approvals: [
            decision('user:default/ana', 'approved'),
            decision('user:default/zoe', 'rejected'),
            // A void decision (the version changed since) names no one.
            decision('user:default/bo', 'rejected', false),
          ],
        }),
        promotion({
          id: 'p-approved',
          target: 'production',
          approvalsRequired: 2,
          approvals: [
            decision('user:default/ana', 'approved'),
            decision('user:default/zoe', 'approved'),
          ],
        }),
      ],
    }));
    await renderWithEntity(<EnvironmentsContent />, { api, catalogApi });
    const [rejected, approved] = await rows();

    await waitFor(() => expect(rejected).toHaveTextContent('Bo Berg'));
    const cells = within(rejected).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent(/^Bo Berg$/);
    // Approved by: only the valid approval; zoe is not in the catalog, so her ref's name.
    expect(cells[5]).toHaveTextContent(/^Ana Alvarez$/);
    expect(cells[6]).toHaveTextContent('Rejected');
    expect(cells[6]).toHaveTextContent('by zoe');
    expect(cells[6]).not.toHaveTextContent('Bo Berg');
    expect(within(approved).getAllByRole('cell')[5]).toHaveTextContent(
      /^Ana Alvarez, zoe$/,
    );
    expect(screen.queryByText(/user:default\//)).toBeNull();

    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs.mock.calls[0][0].entityRefs).toEqual([
      'user:default/ana',
      'user:default/bo',
      'user:default/zoe',
    ]);
  });

  it('shows refs by their names when the catalog cannot be read', async () => {
    const catalogApi = catalogApiMock({ entities: testUserEntities });
    jest
      .spyOn(catalogApi, 'getEntitiesByRefs')
      .mockRejectedValue(new Error('catalog down'));
    const api = createMockEnvironmentsApi(() => ({
      ...scenarios.healthy,
      promotions: [
        promotion({
          state: 'cancelled',
          cancelledBy: 'user:default/bo',
          requestedBy: 'user:default/ana',
        }),
      ],
    }));
    await renderWithEntity(<EnvironmentsContent />, { api, catalogApi });
    const [row] = await rows();
    const cells = within(row).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent(/^ana$/);
    expect(cells[6]).toHaveTextContent('by bo');
  });
});
