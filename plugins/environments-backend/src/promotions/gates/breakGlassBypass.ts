import {
  type GateResult,
  isBypassedByBreakGlass,
} from '@stageline/plugin-environments-common';

/** The results that still apply: all of them, or without the bypassed ones for break-glass. */
export function gatesThatApply(
  results: GateResult[],
  breakGlass: boolean,
): GateResult[] {
  return breakGlass
    ? results.filter(g => !isBypassedByBreakGlass(g.id))
    : results;
}
