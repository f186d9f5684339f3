import { formatDuration } from '@stageline/plugin-environments-common';
import type {
  EnvironmentState,
  GateResult,
} from '@stageline/plugin-environments-common';
import { gateResult } from './gateResult';
import { sourceLiveProblem } from './sourceLiveProblem';

/**
 * Passes when the source is healthy and has been for at least `healthyForMs`. Fails closed when
 * its live state, or since when it is healthy, is unknown.
 */
export function sourceHealthyGate(input: {
  source: EnvironmentState;
  healthyForMs: number;
  now: Date;
}): GateResult {
  const { source, healthyForMs, now } = input;
  const fail = (reason: string, until?: Date) =>
    gateResult('source-healthy', { passed: false, reason, until });
  const unknown = sourceLiveProblem(source);
  if (unknown) return fail(`${source.name} health unknown: ${unknown}`);
  const live = source.live!;
  if (live.health !== 'healthy') {
    const why = live.reasons[0] ? `: ${live.reasons[0]}` : '';
    return fail(`${source.name} is ${live.health}${why}`);
  }
  if (healthyForMs === 0) {
    return gateResult('source-healthy', {
      passed: true,
      reason: `${source.name} is healthy`,
    });
  }
  const required = `${formatDuration(healthyForMs)} required`;
  if (!live.healthySince) {
    return fail(
      `${source.name} is healthy but since when is unknown (${required})`,
    );
  }
  const since = Date.parse(live.healthySince);
  const healthyMs = Math.max(0, now.getTime() - since);
  const healthyFor = `${source.name} healthy for ${formatDuration(healthyMs)}`;
  if (healthyMs < healthyForMs) {
    return fail(
      `${healthyFor}: ${formatDuration(
        healthyForMs - healthyMs,
      )} left (${required})`,
      new Date(since + healthyForMs),
    );
  }
  return gateResult('source-healthy', {
    passed: true,
    reason: `${healthyFor} (${required})`,
  });
}
