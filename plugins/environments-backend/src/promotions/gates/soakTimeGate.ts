import {
  formatDuration,
  shortVersion,
  type EnvironmentState,
  type GateResult,
} from '@stageline/plugin-environments-common';
import { gateResult } from './gateResult';
import { sourceLiveProblem } from './sourceLiveProblem';

/**
 * Passes when the version has run in the source for at least `soakTimeMs`, counted from when its
 * pod template started (`live.since`). Fails closed when that is unknown.
 */
export function soakTimeGate(input: {
  source: EnvironmentState;
  soakTimeMs: number;
  now: Date;
}): GateResult {
  const { source, soakTimeMs, now } = input;
  if (soakTimeMs === 0) {
    return gateResult('soak-time', {
      passed: true,
      reason: 'no soak time required',
    });
  }
  const fail = (reason: string, until?: Date) =>
    gateResult('soak-time', { passed: false, reason, until });
  const unknown = sourceLiveProblem(source);
  if (unknown) return fail(`${source.name} soak time unknown: ${unknown}`);
  const live = source.live!;
  const required = `${formatDuration(soakTimeMs)} required`;
  if (!live.since) {
    return fail(
      `${source.name}: when the running version started is unknown (${required})`,
    );
  }
  const since = Date.parse(live.since);
  const soakedMs = Math.max(0, now.getTime() - since);
  const version = live.image ? shortVersion(live.image) : 'its version';
  const soaked = `${source.name} has run ${version} for ${formatDuration(
    soakedMs,
  )}`;
  if (soakedMs < soakTimeMs) {
    return fail(
      `${soaked}: ${formatDuration(soakTimeMs - soakedMs)} left (${required})`,
      new Date(since + soakTimeMs),
    );
  }
  return gateResult('soak-time', {
    passed: true,
    reason: `${soaked} (${required})`,
  });
}
