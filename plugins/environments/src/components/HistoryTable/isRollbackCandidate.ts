import {
  type EnvironmentState,
  type Promotion,
  isRollbackCandidate as rollsBackTo,
} from '@stageline/plugin-environments-common';

/**
 * Whether a history row offers a rollback: the shared rule (it ran in its target before the
 * version the target declares now, and differs from it), against the target's declared version.
 */
export function isRollbackCandidate(
  promotion: Promotion,
  environments: EnvironmentState[],
  history: Promotion[] = [],
): boolean {
  const target = environments.find(e => e.name === promotion.target);
  return rollsBackTo(promotion, target?.desired?.image, history);
}
