import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';

/**
 * Whether a history row can be rolled back to: it succeeded, and its target now declares a
 * different version (rolling back to what already runs would change nothing).
 */
export function isRollbackCandidate(
  promotion: Promotion,
  environments: EnvironmentState[],
): boolean {
  if (promotion.state !== 'succeeded') return false;
  const target = environments.find(e => e.name === promotion.target);
  const current = target?.desired?.image;
  if (!target || !current) return false;
  if (promotion.version.digest && current.digest) {
    return promotion.version.digest !== current.digest;
  }
  return promotion.version.tag !== current.tag;
}
