import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { PolledValue } from '../../hooks/usePolledValue';
import { PolledContent } from './PolledContent';

function polled(state: Partial<PolledValue<string>>): PolledValue<string> {
  return { loading: false, refresh: async () => {}, ...state };
}

function render(state: Partial<PolledValue<string>>) {
  return renderInTestApp(
    <PolledContent polled={polled(state)} failure="Could not load the words">
      {value => <p>Loaded: {value}</p>}
    </PolledContent>,
  );
}

describe('PolledContent', () => {
  it('shows a spinner while the value first loads', async () => {
    await render({ loading: true });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText(/Loaded/)).not.toBeInTheDocument();
  });

  it('shows the failure with its reason when no value came', async () => {
    await render({ error: new Error('backend down') });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not load the words');
    expect(alert).toHaveTextContent('backend down');
  });

  it('keeps the last value when a refresh fails', async () => {
    await render({ value: 'hello', error: new Error('backend down') });
    expect(screen.getByText('Loaded: hello')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
