import { blockedSummary } from './blockedSummary';

describe('blockedSummary', () => {
  it('is undefined when nothing blocks', () => {
    expect(blockedSummary([], new Map())).toBeUndefined();
  });

  it('shows the first reason no card shows yet', () => {
    const shown = new Map([['qa: cluster unreachable', 'qa']]);
    expect(
      blockedSummary(['qa: cluster unreachable', 'soak time: 5m left'], shown),
    ).toBe('soak time: 5m left');
  });

  it('points at the card when every reason is already shown there', () => {
    const shown = new Map([['qa: cluster unreachable', 'qa']]);
    expect(blockedSummary(['qa: cluster unreachable'], shown)).toBe(
      'Blocked: see the reason shown for qa',
    );
  });
});
