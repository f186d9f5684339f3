import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { scenarios } from '../../testing/scenarios';
import { PromotionStepper } from './PromotionStepper';

const [promotion] = scenarios.healthy.promotions;

function steps() {
  const list = screen.getByRole('list', { name: 'Promotion progress' });
  return within(list).getAllByRole('listitem');
}

describe('PromotionStepper and verification', () => {
  it('shows Verifying as the current step, with its icon, before Succeeded', async () => {
    await renderInTestApp(
      <PromotionStepper
        promotion={{ ...promotion, approvalsRequired: 0, state: 'verifying' }}
      />,
    );
    const items = steps();
    const current = items.find(
      li => li.getAttribute('aria-current') === 'step',
    );
    expect(current).toHaveTextContent('Verifying (current)');
    expect(current!.querySelector('[data-status]')).toHaveAttribute(
      'data-status',
      'running',
    );
    expect(items.at(-1)).toHaveTextContent('Succeeded (to come)');
  });

  it('ends with Failed verification, marked as an error, after the rollout', async () => {
    await renderInTestApp(
      <PromotionStepper
        promotion={{
          ...promotion,
          approvalsRequired: 0,
          state: 'failed-verification',
        }}
      />,
    );
    const items = steps();
    expect(items.at(-2)).toHaveTextContent('Rolling out (done)');
    const last = items.at(-1)!;
    expect(last).toHaveTextContent('Failed verification (ended)');
    expect(last.querySelector('[data-status]')).toHaveAttribute(
      'data-status',
      'error',
    );
  });

  it('shows a scheduled promotion’s first step as Scheduled, current', async () => {
    await renderInTestApp(
      <PromotionStepper
        promotion={{
          ...promotion,
          approvalsRequired: 0,
          state: 'requested',
          schedule: { notBefore: '2030-01-01T08:00:00Z' },
        }}
      />,
    );
    const [first, second] = steps();
    expect(first).toHaveTextContent('Scheduled (current)');
    expect(first).toHaveAttribute('aria-current', 'step');
    expect(second).toHaveTextContent('Writing to Git (to come)');
  });
});
