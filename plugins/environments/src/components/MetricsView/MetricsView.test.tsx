import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fleetApiRef } from '../../api/FleetApi';
import { mockFleetApi } from '../../__testUtils__/fleetFixtures';
import { MetricsView } from './MetricsView';

describe('MetricsView', () => {
  it('asks for the chosen period and downloads the CSV of the same query', async () => {
    const api = mockFleetApi();
    const createObjectURL = jest.fn(() => 'blob:metrics');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderInTestApp(<MetricsView scope={{ group: 'team-a' }} />, {
      apis: [[fleetApiRef, api]],
    });
    expect(await screen.findByText('2.5 / week')).toBeInTheDocument();
    const first = api.getMetrics.mock.calls[0][0];
    expect(first.group).toBe('team-a');
    expect(Date.parse(first.to!) - Date.parse(first.from!)).toBe(
      4 * 7 * 24 * 3600_000,
    );

    await userEvent.click(screen.getByLabelText('Period'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 12 weeks' }),
    );
    await waitFor(() => expect(api.getMetrics).toHaveBeenCalledTimes(2));
    const second = api.getMetrics.mock.calls[1][0];
    expect(Date.parse(second.to!) - Date.parse(second.from!)).toBe(
      12 * 7 * 24 * 3600_000,
    );

    await screen.findByText('2.5 / week');
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.getMetricsCsv).toHaveBeenCalledWith(second);
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });
});
