import type {
  GateResult,
  Promotion,
} from '@stageline/plugin-environments-common';
import { isFinalState } from '../lifecycle/isFinalState';
import { gateResult } from './gateResult';

/**
 * Fails while another promotion into the target has not reached a final state. `promotionId`
 * is the promotion being evaluated, which does not block itself.
 */
export function noPromotionInFlightGate(input: {
  target: string;
  inFlight?: Promotion;
  promotionId?: string;
}): GateResult {
  const { target, inFlight, promotionId } = input;
  const blocking =
    inFlight &&
    inFlight.target === target &&
    inFlight.id !== promotionId &&
    !isFinalState(inFlight.state);
  if (!blocking) {
    return gateResult('no-promotion-in-flight', {
      passed: true,
      reason: `no other promotion into ${target} is in flight`,
    });
  }
  return gateResult('no-promotion-in-flight', {
    passed: false,
    reason: `promotion ${inFlight.id} into ${target} is ${inFlight.state}, requested by ${inFlight.requestedBy}`,
  });
}
