import type { GateId, GateResult } from '@stageline/plugin-environments-common';

/**
 * The gates a break-glass promotion bypasses: timing and people. Never the digest (what is
 * written must be exactly what ran), the in-flight rule (one write per overlay at a time) or
 * verified-in-source.
 */
export const BREAK_GLASS_BYPASSED_GATES: readonly GateId[] = [
  'source-healthy',
  'soak-time',
  'freeze-window',
  'approvals',
];

/** The results that still apply: all of them, or without the bypassed ones for break-glass. */
export function gatesThatApply(
  results: GateResult[],
  breakGlass: boolean,
): GateResult[] {
  return breakGlass
    ? results.filter(g => !BREAK_GLASS_BYPASSED_GATES.includes(g.id))
    : results;
}
