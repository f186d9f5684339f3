import { hasPromotionTrailer } from './hasPromotionTrailer';
import { promotionTrailer } from './PROMOTION_TRAILER';

/** `message` with the promotion trailer, added when it lacks it. */
export function withPromotionTrailer(
  message: string,
  promotionId: string,
): string {
  if (hasPromotionTrailer(message, promotionId)) return message;
  return `${message.trimEnd()}\n\n${promotionTrailer(promotionId)}`;
}
