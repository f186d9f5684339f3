import { promotionTrailer } from './PROMOTION_TRAILER';

/**
 * Whether a commit message (or pull request body) carries `Stageline-Promotion: <id>` as a
 * trailer: on a line of its own in the last paragraph, where Git reads trailers and where
 * withPromotionTrailer and pullRequestBody put it. A line quoted further up (a reason, a
 * description) is not one.
 */
export function hasPromotionTrailer(
  message: string,
  promotionId: string,
): boolean {
  const paragraphs = message.trimEnd().split(/\r?\n[ \t]*\r?\n/);
  return paragraphs[paragraphs.length - 1]
    .split(/\r?\n/)
    .some(line => line.trim() === promotionTrailer(promotionId));
}
