import type { GateResult } from '@stageline/plugin-environments-common';

/**
 * A gate's reason in plain language. The backend names the promotion in flight by its id, which
 * means nothing to a person: that gate says what it means instead.
 */
export function gateReason(gate: GateResult, target: string): string {
  if (gate.id === 'no-promotion-in-flight' && !gate.passed) {
    return `Another promotion into ${target} is in progress`;
  }
  return gate.reason;
}
