import type { GateResult } from '@stageline/plugin-environments-common';
import { approvalsGate } from './approvalsGate';
import { digestVerifiedGate } from './digestVerifiedGate';
import { freezeWindowGate } from './freezeWindowGate';
import type { GateInput } from './GateInput';
import { noPromotionInFlightGate } from './noPromotionInFlightGate';
import { soakTimeGate } from './soakTimeGate';
import { sourceHealthyGate } from './sourceHealthyGate';
import { verifiedInSourceGate } from './verifiedInSourceGate';

/**
 * Every gate of a promotion from `source` into `target`, one result each, always in this order:
 * digest-verified, source-healthy, soak-time, freeze-window, no-promotion-in-flight, then
 * verified-in-source (only when the target requires it), approvals.
 * Pure: the caller supplies the clock, the states, the config and the decisions.
 */
export function evaluateGates(input: GateInput): GateResult[] {
  const { now, source, target, gates } = input;
  return [
    digestVerifiedGate({ source, candidate: input.candidate }),
    sourceHealthyGate({ source, healthyForMs: gates.healthyForMs, now }),
    soakTimeGate({ source, soakTimeMs: gates.soakTimeMs, now }),
    freezeWindowGate({
      target: target.name,
      windows: gates.freezeWindows,
      now,
    }),
    noPromotionInFlightGate({
      target: target.name,
      inFlight: input.inFlight,
      promotionId: input.promotionId,
    }),
    ...(gates.verifiedInSource
      ? [
          verifiedInSourceGate({
            source: source.name,
            candidate: input.candidate,
            verifiedVersions: input.verifiedVersions,
          }),
        ]
      : []),
    approvalsGate({
      required: gates.approvals,
      decisions: input.approvals ?? [],
      requestedBy: input.requestedBy,
    }),
  ];
}
