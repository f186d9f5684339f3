import type {
  HealthStatus,
  ReplicaCounts,
  RolloutStatus,
} from '@stageline/plugin-environments-common';
import type { WorkloadProblem } from './WorkloadProblem';

/**
 * Health verdict of one workload with the reasons for anything but healthy: degraded on pod
 * problems, a failed rollout or no available replica; progressing while rolling out.
 */
export function workloadHealth(input: {
  rollout: RolloutStatus;
  replicas: ReplicaCounts;
  problems: WorkloadProblem[];
  /** Message of the Progressing condition when the rollout failed. */
  rolloutMessage?: string;
}): { health: HealthStatus; reasons: string[] } {
  const { rollout, replicas, rolloutMessage } = input;
  const reasons: string[] = [];
  if (rollout === 'failed') {
    reasons.push(
      `Rollout failed: ${rolloutMessage ?? 'progress deadline exceeded'}`,
    );
  }
  // The failed Progressing condition is also a false condition: report it once.
  const problems = input.problems.filter(
    p =>
      !(
        rollout === 'failed' &&
        p.source === 'workload' &&
        p.detail === rolloutMessage
      ),
  );
  reasons.push(...problems.map(p => p.message));
  const unavailable = replicas.desired > 0 && replicas.available === 0;
  if (unavailable) {
    reasons.push(`No replica is available (0 of ${replicas.desired})`);
  }
  const rolling =
    rollout === 'progressing' || (rollout === 'paused' && !isFull(replicas));
  const degraded =
    rollout === 'failed' ||
    unavailable ||
    problems.some(p => p.source === 'pod') ||
    (problems.length > 0 && !rolling);
  if (degraded) return { health: 'degraded', reasons: unique(reasons) };
  if (rolling) {
    const progress = `${replicas.updated} of ${replicas.desired} updated, ${replicas.available} available`;
    const head =
      rollout === 'paused'
        ? `Rollout paused: ${progress}`
        : `Rolling out: ${progress}`;
    return { health: 'progressing', reasons: unique([head, ...reasons]) };
  }
  return { health: 'healthy', reasons: [] };
}

function isFull(replicas: ReplicaCounts): boolean {
  return (
    replicas.updated >= replicas.desired &&
    replicas.available >= replicas.desired
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
