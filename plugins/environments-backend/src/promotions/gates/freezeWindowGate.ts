import type { GateResult } from '@stageline/plugin-environments-common';
import type { FreezeWindow } from '../../config/Environment';
import { freezeWindowEnd } from './freezeWindowEnd';
import { gateResult } from './gateResult';

type OpenWindow = { window: FreezeWindow; until: Date };

// Windows open at `at`, the one closing last first.
function openWindowsAt(windows: FreezeWindow[], at: Date): OpenWindow[] {
  return windows
    .map(window => ({ window, until: freezeWindowEnd(window, at) }))
    .filter((open): open is OpenWindow => open.until !== undefined)
    .sort((a, b) => b.until.getTime() - a.until.getTime());
}

// A weekly window can follow itself day after day: allow a week of occurrences per window.
const PASSES_PER_WINDOW = 8;

/**
 * The window open at `now` that closes last, and when promotion is possible again: a window
 * that opens as or before another closes extends it (bounded, so an always-frozen config ends).
 */
function frozenUntil(windows: FreezeWindow[], now: Date) {
  const [first] = openWindowsAt(windows, now);
  if (!first) return undefined;
  let until = first.until;
  for (let pass = 0; pass < windows.length * PASSES_PER_WINDOW; pass++) {
    const [next] = openWindowsAt(windows, until);
    if (!next || next.until <= until) break;
    until = next.until;
  }
  return { window: first.window, until };
}

/** Fails while `now` is inside a freeze window of the target, until the window closes. */
export function freezeWindowGate(input: {
  target: string;
  windows: FreezeWindow[];
  now: Date;
}): GateResult {
  const { target, windows, now } = input;
  const frozen = frozenUntil(windows, now);
  if (!frozen) {
    return gateResult('freeze-window', {
      passed: true,
      reason: `${target} is not in a freeze window`,
    });
  }
  const why = frozen.window.reason ?? 'freeze window';
  return gateResult('freeze-window', {
    passed: false,
    reason: `${why}: no promotion into ${target} until ${frozen.until.toISOString()}`,
    until: frozen.until,
  });
}
