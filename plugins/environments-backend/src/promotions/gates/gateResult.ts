import type { GateId, GateResult } from '@stageline/plugin-environments-common';

/**
 * A gate's verdict. Every gate refuses a request when it fails except approvals: a request
 * without them waits for them.
 */
export function gateResult(
  id: GateId,
  outcome: { passed: boolean; reason: string; until?: Date },
): GateResult {
  return {
    id,
    passed: outcome.passed,
    reason: outcome.reason,
    blocksRequest: id !== 'approvals',
    ...(outcome.until && { until: outcome.until.toISOString() }),
  };
}
