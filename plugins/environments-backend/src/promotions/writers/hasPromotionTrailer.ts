import { PROMOTION_TRAILER } from './PROMOTION_TRAILER';

/** Whether a commit message (or PR body) carries `Stageline-Promotion: <id>` on a line of its own. */
export function hasPromotionTrailer(
  message: string,
  promotionId: string,
): boolean {
  return message
    .split(/\r?\n/)
    .some(line => line.trim() === `${PROMOTION_TRAILER}: ${promotionId}`);
}
