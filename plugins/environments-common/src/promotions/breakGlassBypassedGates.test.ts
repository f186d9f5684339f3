import {
  BREAK_GLASS_BYPASSED_GATES,
  isBypassedByBreakGlass,
} from './breakGlassBypassedGates';

describe('isBypassedByBreakGlass', () => {
  it('bypasses the timing and people gates', () => {
    for (const gate of [
      'source-healthy',
      'soak-time',
      'freeze-window',
      'approvals',
    ] as const) {
      expect(isBypassedByBreakGlass(gate)).toBe(true);
    }
  });

  it('never bypasses the digest, the in-flight rule or verified-in-source', () => {
    for (const gate of [
      'digest-verified',
      'no-promotion-in-flight',
      'verified-in-source',
    ] as const) {
      expect(isBypassedByBreakGlass(gate)).toBe(false);
    }
  });

  it('lists exactly the bypassed gates', () => {
    expect([...BREAK_GLASS_BYPASSED_GATES].sort()).toEqual([
      'approvals',
      'freeze-window',
      'soak-time',
      'source-healthy',
    ]);
  });
});
