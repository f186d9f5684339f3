import {
  type GateResult,
  type PromotionReadiness,
  isBypassedByBreakGlass,
} from '@stageline/plugin-environments-common';

/** The failing gates that refuse a plain request now. */
export function refusingGates(readiness: PromotionReadiness): GateResult[] {
  return readiness.gates.filter(g => !g.passed && g.blocksRequest);
}

/** Whether break-glass would let a request through the gates failing now. */
export function breakGlassClears(readiness: PromotionReadiness): boolean {
  return refusingGates(readiness).every(g => isBypassedByBreakGlass(g.id));
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
