import type {
  EnvironmentState,
  ImageReference,
  Promotion,
} from '@stageline/plugin-environments-common';

const same = (a: ImageReference, b: ImageReference) =>
  a.digest && b.digest ? a.digest === b.digest : a.tag === b.tag;

/**
 * Whether a history row can be rolled back to: it succeeded in its target before the version
 * the target declares now first arrived there, and differs from it. A version that came after
 * the current one (and was itself rolled back) would be a roll forward, not a rollback.
 */
export function isRollbackCandidate(
  promotion: Promotion,
  environments: EnvironmentState[],
  history: Promotion[] = [],
): boolean {
  if (promotion.state !== 'succeeded') return false;
  const target = environments.find(e => e.name === promotion.target);
  const current = target?.desired?.image;
  if (!target || !current || same(promotion.version, current)) return false;
  const arrivals = history
    .filter(
      p =>
        p.target === promotion.target &&
        p.state === 'succeeded' &&
        same(p.version, current),
    )
    .map(p => Date.parse(p.createdAt));
  return (
    arrivals.length === 0 ||
    Date.parse(promotion.createdAt) < Math.min(...arrivals)
  );
}
