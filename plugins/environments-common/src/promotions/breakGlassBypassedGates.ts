import type { GateId } from './readinessTypes';

/**
 * The gates a break-glass promotion or rollback bypasses: timing and people. Never the digest
 * (what is written must be exactly what ran), the in-flight rule (one write per overlay at a
 * time) or verified-in-source. The backend applies this list; the UI reads it to say what
 * break glass would clear.
 *
 * @public
 */
export const BREAK_GLASS_BYPASSED_GATES: readonly GateId[] = [
  'source-healthy',
  'soak-time',
  'freeze-window',
  'approvals',
];

/**
 * Whether break glass bypasses the gate.
 *
 * @public
 */
export function isBypassedByBreakGlass(gate: GateId): boolean {
  return BREAK_GLASS_BYPASSED_GATES.includes(gate);
}
