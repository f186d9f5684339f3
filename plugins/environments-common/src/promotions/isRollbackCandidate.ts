import { sameVersion } from '../images/sameVersion';
import type { ImageReference } from '../images/ImageReference';
import type { Promotion } from './types';

/**
 * Whether a promotion's version can be rolled back to in its target: it succeeded there before
 * the version the target declares now (`current`) first arrived, and differs from it. A version
 * that came after the current one (and was itself rolled back) would be a roll forward.
 * `history` is the service's promotions newest first, as the API lists them: promotions made in
 * the same millisecond are told apart by their place in it.
 *
 * @public
 */
export function isRollbackCandidate(
  promotion: Promotion,
  current: ImageReference | undefined,
  history: Promotion[],
): boolean {
  if (promotion.state !== 'succeeded' || !current) return false;
  if (sameVersion(promotion.version, current)) return false;
  const isArrival = (p: Promotion) =>
    p.target === promotion.target &&
    p.state === 'succeeded' &&
    sameVersion(p.version, current);
  const firstArrival = history.reduce(
    (oldest, p, index) => (isArrival(p) ? index : oldest),
    -1,
  );
  if (firstArrival < 0) return true;
  const at = history.indexOf(promotion);
  return at >= 0
    ? at > firstArrival
    : Date.parse(promotion.createdAt) <
        Date.parse(history[firstArrival].createdAt);
}
