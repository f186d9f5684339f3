import type { EnvironmentState } from '@stageline/plugin-environments-common';
import type { GatesConfig } from '../../config/Environment';
import { freezeWindowGate } from '../gates/freezeWindowGate';

/**
 * What stops a rollback from being written: approvals never (a rollback undoes a change, often
 * during an incident), a freeze window only where `gates.freezeBlocksRollback` says so.
 */
export function rollbackBlockingReasons(input: {
  now: Date;
  target: EnvironmentState;
  gates: GatesConfig;
}): string[] {
  const { now, target, gates } = input;
  if (!gates.freezeBlocksRollback) return [];
  const freeze = freezeWindowGate({
    target: target.name,
    windows: gates.freezeWindows,
    now,
  });
  return freeze.passed
    ? []
    : [
        `${freeze.reason} (${target.name} sets gates.freezeBlocksRollback: its freeze windows block rollbacks too)`,
      ];
}
