import type {
  GateId,
  GateResult,
  PromotionReadiness,
} from '@stageline/plugin-environments-common';

/**
 * The gates a break-glass request bypasses, as the backend applies them: timing and people.
 * Never the digest, the in-flight rule or verified-in-source.
 */
export const BREAK_GLASS_BYPASSED_GATES: readonly GateId[] = [
  'source-healthy',
  'soak-time',
  'freeze-window',
  'approvals',
];

/** The failing gates that refuse a plain request now. */
export function refusingGates(readiness: PromotionReadiness): GateResult[] {
  return readiness.gates.filter(g => !g.passed && g.blocksRequest);
}

/** Whether break-glass would let a request through the gates failing now. */
export function breakGlassClears(readiness: PromotionReadiness): boolean {
  return refusingGates(readiness).every(g =>
    BREAK_GLASS_BYPASSED_GATES.includes(g.id),
  );
}

/** Whether the target is in a freeze window now. */
export function inFreezeWindow(readiness: PromotionReadiness): boolean {
  return readiness.gates.some(g => g.id === 'freeze-window' && !g.passed);
}

/** Whether a request to run when the freeze ends would get through the gates failing now. */
export function freezeEndClears(readiness: PromotionReadiness): boolean {
  return (
    inFreezeWindow(readiness) &&
    refusingGates(readiness).every(g => g.id === 'freeze-window')
  );
}
