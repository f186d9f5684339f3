import type { HealthStatus } from '@stageline/plugin-environments-common';
import { latestTime } from './latestTime';
import type { TimedCondition } from './TimedCondition';

/**
 * Since when a healthy Deployment has been healthy at its current version: when its `Available`
 * condition last became True, but never before the current ReplicaSet was created (`since`),
 * because `Available` stays True through a rolling update and would credit the new version with
 * the old one's uptime. Undefined when not healthy or when the transition time is unknown.
 */
export function deploymentHealthySince(input: {
  health: HealthStatus;
  conditions: TimedCondition[] | undefined;
  since: string | undefined;
}): string | undefined {
  if (input.health !== 'healthy') return undefined;
  const available = input.conditions?.find(c => c.type === 'Available');
  if (available?.status !== 'True' || !available.lastTransitionTime) {
    return undefined;
  }
  return latestTime([available.lastTransitionTime, input.since]);
}
